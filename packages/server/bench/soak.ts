/**
 * The soak: a server process under minutes of mixed load (readers of the widget's list, customers
 * posting ideas and replies and voting, live subscribers on the threads being replied to), with
 * background jobs on as in production. Goals: zero errors, every live subscriber hears every
 * reply on its thread, and memory that levels off instead of growing with time.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { THREAD_LIST } from '../../widget/src/graphql/documents.ts';
import type { Dialect } from '../src/db/em.ts';
import { migrate, openOrm } from '../src/db/orm.ts';
import { createCommunity } from '../src/services/communities.ts';
import { domainSubscribers } from '../src/services/subscribers.ts';
import { GraphQLClient } from '../src/testing/graphql-client.ts';
import { type ServerProcess, startServerProcess } from '../src/testing/process.ts';
import { type Subscription, subscribe } from '../src/testing/sse.ts';
import { benchDatabase } from './database.ts';
import { REPLY } from './http/index.ts';
import { residentMb } from './http/load.ts';

export interface SoakOptions {
  seconds: number;
  /** Concurrent loops of each kind. */
  readers: number;
  writers: number;
  voters: number;
  /** Live subscribers, spread over the threads being replied to. */
  subscribers: number;
  /** Live events through Redis (as several processes would have them); in memory without. */
  redisUrl?: string | undefined;
}

export interface SoakResult {
  dialect: Dialect;
  seconds: number;
  requests: { reads: number; posts: number; replies: number; votes: number };
  /** Requests that failed (HTTP error, GraphQL error, connection error), with a sample message. */
  errors: number;
  firstError: string | null;
  /** Replies posted to watched threads, and the events all subscribers should have had / had. */
  liveExpected: number;
  liveReceived: number;
  /** Server memory (MB) sampled every few seconds: RSS and its anonymous and file-backed parts. */
  rss: [seconds: number, rss: number, anonymous: number, file: number][];
}

const POST = 'mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }';
const VOTE = 'mutation ($id: ID!, $k: String) { vote(threadId: $id, idempotencyKey: $k) { voteCount } }';
const UNVOTE = 'mutation ($id: ID!) { unvote(threadId: $id) { voteCount } }';
const EVENTS = 'subscription ($s: String!, $id: ID!) { threadEvents(community: $s, threadId: $id) { __typename } }';

export async function soak(dialect: Dialect, options: SoakOptions, log: (line: string) => void): Promise<SoakResult> {
  const database = await benchDatabase(dialect);
  let server: ServerProcess | undefined;
  const subscriptions: Subscription<any>[] = [];
  try {
    const orm = await openOrm({ databaseUrl: database.url, subscribers: domainSubscribers() });
    try {
      await migrate(orm);
      await createCommunity(orm.em.fork(), { slug: 'soak', name: 'Soak', origins: [] });
    } finally {
      await orm.close();
    }
    server = await startServerProcess({
      DATABASE_URL: database.url,
      REDIS_URL: options.redisUrl ?? '',
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      RATE_LIMIT_MULTIPLIER: '1000000',
    });
    const pid = server.child.pid as number;
    const endpoint = `${server.url}/graphql`;
    const client = new GraphQLClient(endpoint);
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { startGuestSession } = await client.data(
        'mutation ($n: String!) { startGuestSession(community: "soak", displayName: $n) { token } }',
        { variables: { n: `Soak visitor ${i}` } },
      );
      tokens.push(startGuestSession.token);
    }
    const token = (i: number) => tokens[i % tokens.length] as string;

    let errors = 0;
    let firstError: string | null = null;
    const requests = { reads: 0, posts: 0, replies: 0, votes: 0 };
    /** Sends one request; counts it, or counts its failure. */
    const send = async (kind: keyof typeof requests, query: string, variables: object, bearer?: string) => {
      try {
        const options = { variables: variables as Record<string, unknown>, token: bearer };
        if (kind === 'reads') {
          // The widget's list defers part of its answer: ask as the widget does (parts welcome).
          const response = await client.raw(query, options, 'multipart/mixed, application/graphql-response+json');
          const body = await response.text();
          if (!response.ok || body.includes('"errors"')) throw new Error(`${response.status} ${body.slice(0, 200)}`);
          requests.reads++;
          return {};
        }
        const result = await client.request(query, options);
        if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors ?? result));
        requests[kind]++;
        return result.data as Record<string, any>;
      } catch (error) {
        errors++;
        firstError ??= String(error).slice(0, 300);
        return undefined;
      }
    };

    // Threads to reply to and vote on, each watched by some of the subscribers.
    const threads: string[] = [];
    for (let i = 0; i < 10; i++) {
      const data = await send('posts', POST, { i: { kind: 'IDEA', title: `Soak thread ${i}` } }, token(i));
      if (data) threads.push(data.postThread.id);
    }
    const watchedReplies = new Map<string, number>();
    const received = new Map<string, number>();
    for (let i = 0; i < options.subscribers; i++) {
      const thread = threads[i % threads.length] as string;
      const live = subscribe(endpoint, EVENTS, { variables: { s: 'soak', id: thread } });
      await live.ready;
      subscriptions.push(live);
      void (async () => {
        for (;;) {
          const event = await live.next(3_600_000).catch(() => undefined);
          if (!event) return;
          if (event.data?.threadEvents?.__typename === 'ReplyAddedEvent')
            received.set(thread, (received.get(thread) ?? 0) + 1);
        }
      })();
    }
    log(`  ${dialect}: ${options.subscribers} subscribers on ${threads.length} threads; load for ${options.seconds} s`);

    const started = performance.now();
    const until = started + options.seconds * 1000;
    const rss: SoakResult['rss'] = [];
    const sample = () => {
      const { rss: total, anonymous, file } = residentMb(pid);
      const entry: SoakResult['rss'][number] = [
        Math.round((performance.now() - started) / 1000),
        total,
        anonymous,
        file,
      ];
      rss.push(entry);
      return entry;
    };
    sample();
    const sampler = setInterval(() => {
      const [at, total, anonymous, file] = sample();
      if (at % 60 < 5)
        log(
          `  ${dialect}: ${at} s, RSS ${total} MB (${anonymous} anonymous, ${file} file), ${JSON.stringify(requests)}, ${errors} errors`,
        );
    }, 5000);
    const loop = (work: (n: number) => Promise<unknown>) =>
      (async () => {
        for (let n = 0; performance.now() < until; n++) await work(n);
      })();
    const list = String(THREAD_LIST);
    const loops = [
      ...Array.from({ length: options.readers }, (_, r) =>
        loop(() =>
          send(
            'reads',
            list,
            { community: 'soak', first: 20, orderBy: r % 2 ? 'NEW' : 'TOP', signedIn: true },
            token(r),
          ),
        ),
      ),
      ...Array.from({ length: options.writers }, (_, w) =>
        loop(async (n) => {
          if (n % 10 === 0) {
            await send(
              'posts',
              POST,
              { i: { kind: 'IDEA', title: `Soak idea ${randomUUID()}`, idempotencyKey: randomUUID() } },
              token(w + n),
            );
            return;
          }
          const thread = threads[n % threads.length] as string;
          const body = `Soak reply ${randomUUID()}`;
          const data = await send(
            'replies',
            REPLY,
            { i: { threadId: thread, body, idempotencyKey: randomUUID() } },
            token(w + n),
          );
          if (data) watchedReplies.set(thread, (watchedReplies.get(thread) ?? 0) + 1);
        }),
      ),
      ...Array.from({ length: options.voters }, (_, v) =>
        loop((n) => {
          const thread = threads[(n + v) % threads.length] as string;
          return n % 2
            ? send('votes', UNVOTE, { id: thread }, token(v))
            : send('votes', VOTE, { id: thread, k: randomUUID() }, token(v));
        }),
      ),
    ];
    await Promise.all(loops);
    clearInterval(sampler);
    sample();
    // Live events still on their way get a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    let liveExpected = 0;
    for (let i = 0; i < options.subscribers; i++)
      liveExpected += watchedReplies.get(threads[i % threads.length] as string) ?? 0;
    // `received` counts per thread over all its subscribers.
    const liveReceived = [...received.values()].reduce((sum, n) => sum + n, 0);
    log(`  ${dialect}: done: ${JSON.stringify(requests)}, ${errors} errors, live ${liveReceived}/${liveExpected}`);
    return { dialect, seconds: options.seconds, requests, errors, firstError, liveExpected, liveReceived, rss };
  } finally {
    for (const live of subscriptions) live.close();
    await server?.stop();
    await database.drop();
  }
}
