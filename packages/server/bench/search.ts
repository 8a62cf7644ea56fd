/**
 * Search at a large brand's scale (100,000 threads, 1,000,000 replies of generated prose), over
 * real HTTP on the server's own process: a new word on every search, suggestions as a post is
 * typed, and what keeping the index costs a reply (the same posting with the index's reply
 * triggers dropped). Ratios are against the same server's `{ __typename }` in the same run.
 */
import { performance } from 'node:perf_hooks';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { bindEm } from '../src/core/scope.ts';
import type { Dialect, Em } from '../src/db/em.ts';
import { migrate, openOrm } from '../src/db/orm.ts';
import { newId } from '../src/entities/id.ts';
import { Member, Reply, Thread } from '../src/entities/index.ts';
import { createCommunity } from '../src/services/communities.ts';
import { GraphQLClient } from '../src/testing/graphql-client.ts';
import { benchDatabase } from './database.ts';
import { insertAll, random } from './generate.ts';
import type { CpuSplit } from './http/cpu.ts';
import { benchServerEnv, REPLY, readyAfter } from './http/index.ts';
import { type LoadResult, load } from './http/load.ts';
import { replyCost } from './reply-indexing.ts';

/** How long the first wave of searches, and of suggestions, is measured apart (see below). */
export const FIRST_WAVE_SECONDS = 3;

export interface SearchSizes {
  threads: number;
  replies: number;
}

export interface SearchBenchResult {
  dialect: Dialect;
  sizes: SearchSizes;
  generateSeconds: number;
  trivial: LoadResult;
  /**
   * The floor for search: a page of 10 threads with the same fields but no search, a different
   * page every request (so no cache has it): what a fresh answer costs before any index is read.
   */
  freshPage: LoadResult;
  /**
   * The first FIRST_WAVE_SECONDS of searches (then of suggestions), on a server that has answered
   * only lists and on connections just opened, measured apart from the load that follows (new
   * connections once waited seconds there: BENCHMARKS.md, "New connections under load").
   */
  searchFirstWave: LoadResult;
  search: LoadResult;
  suggestionsFirstWave: LoadResult;
  suggestions: LoadResult;
  replyIndexed: LoadResult;
  replyUnindexed: LoadResult;
  /** Per reply, with the index and without (bench/reply-indexing.ts). */
  replyIndexedCpu: CpuSplit;
  replyUnindexedCpu: CpuSplit;
}

const SYLLABLES = 'ka lo mi ne ru sa te vo pi da fe gu ho ji ku le ma no pe qui ra si tu va we xo ya zu'.split(' ');

/** A vocabulary of pseudo-words used with a power law, as words are: few common, most rare. */
function vocabulary(size: number, rand: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

export async function benchSearch(
  dialect: Dialect,
  sizes: SearchSizes,
  options: { seconds: number; connections: number; redisUrl: string },
  log: (line: string) => void,
): Promise<SearchBenchResult> {
  const rand = random(11);
  const words = vocabulary(20_000, rand);
  const word = () => words[Math.floor(words.length * rand() ** 2.5)] as string;
  const prose = (n: number) => Array.from({ length: n }, word).join(' ');
  const database = await benchDatabase(dialect);
  try {
    const orm = await openOrm({ databaseUrl: database.url, overrides: { subscribers: [] } });
    let threadIds: string[];
    const started = performance.now();
    try {
      await migrate(orm);
      const { community } = await createCommunity(orm.em.fork(), { slug: 'bench', name: 'Bench', origins: [] });
      const em = bindEm(orm.em.fork(), community.id);
      const member = newId();
      const at = new Date('2026-06-01T00:00:00Z');
      await insertAll(em, Member, [
        {
          id: member,
          community: community.id,
          kind: 'GUEST',
          displayName: 'Writer',
          firstSeenAt: at,
          lastSeenAt: at,
          createdAt: at,
          updatedAt: at,
        },
      ]);
      threadIds = Array.from({ length: sizes.threads }, () => newId());
      await insertInParts(em, Thread, sizes.threads, (i) => ({
        id: threadIds[i],
        community: community.id,
        kind: 'IDEA',
        title: prose(6),
        body: prose(30),
        status: 'OPEN',
        authorMember: member,
        trendingScore: 0,
        lastActivityAt: at,
        createdAt: at,
        updatedAt: at,
      }));
      log(`  ${dialect}: ${sizes.threads} threads`);
      await insertInParts(em, Reply, sizes.replies, () => ({
        id: newId(),
        community: community.id,
        thread: threadIds[Math.floor(rand() * threadIds.length)],
        authorMember: member,
        body: prose(20),
        createdAt: at,
        updatedAt: at,
      }));
      log(`  ${dialect}: ${sizes.replies} replies`);
      // Statistics and a merged GIN pending list, as autovacuum keeps them in a running database:
      // measured straight after a bulk load, planners guess without them.
      await orm.em.getConnection().execute(dialect === 'postgresql' ? 'vacuum analyze' : 'analyze');
    } finally {
      await orm.close();
    }
    const generateSeconds = (performance.now() - started) / 1000;

    const { server } = await readyAfter(benchServerEnv(database.url, options.redisUrl));
    try {
      const run = (name: string, body: unknown, seconds = options.seconds) =>
        load({ url: server.url, connections: options.connections, seconds, body }).then((r) => {
          log(
            `  ${dialect}: ${name} ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors`,
          );
          return r;
        });
      const trivial = await run('trivial', { query: '{ __typename }' });
      // Every page's cursor, newest first, so that each request of the floor asks for another page.
      const cursors: (string | null)[] = [null];
      const reader = new GraphQLClient(`${server.url}/graphql`);
      for (let after: string | null = null; cursors.length < 20_000; ) {
        const data: { community: { threads: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } =
          await reader.data(
            'query ($a: String) { community(slug: "bench") { threads(first: 10, after: $a, orderBy: NEW) { pageInfo { hasNextPage endCursor } } } }',
            { variables: { a: after } },
          );
        const page = data.community.threads.pageInfo;
        if (!page.hasNextPage || !page.endCursor) break;
        after = page.endCursor;
        cursors.push(after);
      }
      let page = 0;
      const freshPage = await run('fresh page', () => ({
        body: {
          query:
            'query ($a: String, $f: Int!) { community(slug: "bench") { threads(first: $f, after: $a, orderBy: NEW) { edges { node { id title voteCount } } } } }',
          // Each page walked above asked for with 10 threads, then with 9 (a new answer on a second pass).
          variables: { a: cursors[page % cursors.length], f: 10 - (Math.floor(page++ / cursors.length) % 2) },
        },
      }));
      const searching = () => ({
        body: {
          query:
            'query ($q: String!) { community(slug: "bench") { search(query: $q, first: 10) { edges { node { matchedIn thread { id title voteCount } excerpt { text match } } } } } }',
          variables: { q: word() },
        },
      });
      const searchFirstWave = await run('search, first wave', searching, FIRST_WAVE_SECONDS);
      const search = await run('search', searching);
      const suggesting = () => ({
        body: {
          query:
            'query ($t: String!) { community(slug: "bench") { similarThreads(title: $t) { id title status voteCount } } }',
          variables: { t: prose(4) },
        },
      });
      const suggestionsFirstWave = await run('suggestions, first wave', suggesting, FIRST_WAVE_SECONDS);
      const suggestions = await run('suggestions', suggesting);
      const guest = new GraphQLClient(`${server.url}/graphql`);
      const repliers: Record<string, string>[] = [];
      for (let i = 0; i < options.connections; i++) {
        // The run before may still be draining a backlog: its requests answered, this one passes.
        for (let attempt = 1; ; attempt++) {
          const result = await guest.request(
            'mutation ($n: String!) { startGuestSession(community: "bench", displayName: $n) { token } }',
            { variables: { n: `Replier ${i + 1}` } },
          );
          const token = result.data?.startGuestSession?.token;
          if (token) {
            repliers.push({ authorization: `Bearer ${token}` });
            break;
          }
          if (attempt === 60) throw new Error(`No guest session: ${JSON.stringify(result.errors)}`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
      let n = 0;
      const replies = () => ({
        body: {
          query: REPLY,
          variables: {
            i: { threadId: encodeGlobalID('Thread', threadIds[n % 1000] as string), body: prose(20) },
          },
        },
        headers: repliers[n++ % repliers.length],
      });
      const replyRounds = await replyCost(dialect, database.url, server.child.pid as number, (kept) =>
        run(kept ? 'reply (index kept)' : 'reply (no index)', replies),
      );
      return {
        dialect,
        sizes,
        generateSeconds,
        trivial,
        freshPage,
        searchFirstWave,
        search,
        suggestionsFirstWave,
        suggestions,
        replyIndexed: replyRounds.indexed,
        replyUnindexed: replyRounds.unindexed,
        replyIndexedCpu: replyRounds.indexedCpu,
        replyUnindexedCpu: replyRounds.unindexedCpu,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

/** Inserts `count` rows made by `row(i)` in parts, never holding them all at once. */
async function insertInParts(em: Em, entity: unknown, count: number, row: (i: number) => Record<string, unknown>) {
  const PART = 20_000;
  for (let from = 0; from < count; from += PART) {
    const rows = Array.from({ length: Math.min(PART, count - from) }, (_, k) => row(from + k));
    await insertAll(em, entity, rows);
    em.clear();
  }
}
