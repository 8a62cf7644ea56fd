/**
 * Nothing acknowledged is ever lost: a server process under ~1,000 concurrent posts, replies and
 * votes is killed with SIGKILL at a random moment; every write it answered with success is on disk
 * afterwards, and the database is consistent (counters equal their rows, every post has its
 * activity, no half-applied mutation). Ten rounds on one database, on SQLite (WAL) and PostgreSQL.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@rapport/server/testing/database.ts';
import { rawId, ssoToken } from '@rapport/server/testing/fixtures.ts';
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { startServerProcess } from '@rapport/server/testing/process.ts';
import { withDatabase } from '@rapport/server/testing/sql.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rapport } from '../e2e/rapport-cli.ts';

const ROUNDS = 10;
const REQUESTS = 1000;
const MEMBERS = 40;

let database: TestDatabase;
let tokens: string[] = [];
const env = () => ({
  DATABASE_URL: database.url,
  NODE_ENV: 'test',
  SEED_DEMO: 'false',
  BACKGROUND_JOBS: 'false',
  // The load is many customers' worth from one address: limits are not what is tested here.
  RATE_LIMIT_MULTIPLIER: '100000',
});

/** What the server answered with success, by raw id. */
const acked = { threads: new Set<string>(), replies: new Set<string>(), votes: new Set<string>() };
/** Threads known to exist, to reply to and vote on. */
const threads: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const first = await startServerProcess(env());
  const community = await rapport(database.url, 'community', 'create', '--slug', 'durable', '--name', 'Durable');
  tokens = await Promise.all(
    Array.from({ length: MEMBERS }, (_, i) =>
      ssoToken(community, {
        sub: `customer-${i}`,
        name: `Customer ${i}`,
        email: `c${i}@customer.example`,
        expiresIn: 7200,
      }),
    ),
  );
  // Each customer posts once first, so there are threads to reply to and vote on.
  const client = new GraphQLClient(`${first.url}/graphql`);
  for (const token of tokens) {
    const data = await client.data('mutation ($t: String!) { postThread(input: { kind: IDEA, title: $t }) { id } }', {
      token,
      variables: { t: `Seed idea ${randomUUID()}` },
    });
    acked.threads.add(rawId(data.postThread.id));
    threads.push(data.postThread.id);
  }
  await first.stop();
}, 120_000);
afterAll(() => database?.drop());

type Write = { kind: 'thread' | 'reply' | 'vote'; member: number; send(client: GraphQLClient): Promise<void> };

/** One of the writes a busy community sees, by a random customer; records it once acknowledged. */
function randomWrite(): Write {
  const member = randomInt(MEMBERS);
  const token = tokens[member] as string;
  const thread = threads[randomInt(threads.length)] as string;
  const roll = randomInt(10);
  if (roll < 3) {
    return {
      kind: 'thread',
      member,
      async send(client) {
        const { postThread } = await client.data(
          'mutation ($t: String!, $k: String!) { postThread(input: { kind: IDEA, title: $t, idempotencyKey: $k }) { id } }',
          { token, variables: { t: `Idea ${randomUUID()}`, k: randomUUID() } },
        );
        acked.threads.add(rawId(postThread.id));
        threads.push(postThread.id);
      },
    };
  }
  if (roll < 7) {
    return {
      kind: 'reply',
      member,
      async send(client) {
        const { reply } = await client.data(
          'mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }',
          { token, variables: { id: thread, b: `Reply ${randomUUID()}` } },
        );
        acked.replies.add(rawId(reply.id));
      },
    };
  }
  return {
    kind: 'vote',
    member,
    async send(client) {
      await client.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token, variables: { id: thread } });
      acked.votes.add(`customer-${member}/${rawId(thread)}`);
    },
  };
}

/** Rows that break an invariant; each query must return none. */
const INVARIANTS: Record<string, string> = {
  'thread.reply_count equals its replies':
    'select t.id from thread t where t.reply_count <> (select count(*) from reply r where r.thread_id = t.id)',
  'thread.vote_count equals its votes':
    'select t.id from thread t where t.vote_count <> (select count(*) from vote v where v.thread_id = t.id)',
  'thread.follower_count equals its follows':
    'select t.id from thread t where t.follower_count <> (select count(*) from follow f where f.thread_id = t.id)',
  'member.thread_count equals their threads':
    'select m.id from member m where m.thread_count <> (select count(*) from thread t where t.author_member_id = m.id)',
  'member.reply_count equals their replies':
    'select m.id from member m where m.reply_count <> (select count(*) from reply r where r.author_member_id = m.id)',
  'member.vote_count equals their votes':
    'select m.id from member m where m.vote_count <> (select count(*) from vote v where v.member_id = m.id)',
  'every thread has its THREAD_POSTED activity':
    "select t.id from thread t where not exists (select 1 from activity a where a.thread_id = t.id and a.type = 'THREAD_POSTED')",
  'every reply has its REPLY_POSTED activity':
    "select r.id from reply r where not exists (select 1 from activity a where a.reply_id = r.id and a.type = 'REPLY_POSTED')",
  'every vote has its VOTE_ADDED activity':
    "select v.id from vote v where not exists (select 1 from activity a where a.thread_id = v.thread_id and a.actor_member_id = v.member_id and a.type = 'VOTE_ADDED')",
  'every author follows their thread':
    'select t.id from thread t where not exists (select 1 from follow f where f.thread_id = t.id and f.member_id = t.author_member_id)',
  'every idempotency key points at a row that exists':
    'select k.id from idempotency_key k where not exists (select 1 from thread t where t.id = k.result_id)',
};

it(
  `keeps every acknowledged write through ${ROUNDS} SIGKILLs under load, consistently`,
  async () => {
    const summary: string[] = [];
    let midLoad = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const server = await startServerProcess(env());
      const client = new GraphQLClient(`${server.url}/graphql`);
      const before = { threads: acked.threads.size, replies: acked.replies.size, votes: acked.votes.size };
      const writes = Array.from({ length: REQUESTS }, randomWrite);
      let unanswered = 0;
      let answered = 0;
      // A random moment mid-load: after a random number of answers (or 20 s, whichever is first).
      const killAfter = randomInt(10, 150);
      let reached: () => void = () => {};
      const moment = new Promise<void>((resolve) => {
        reached = resolve;
        setTimeout(resolve, 20_000);
      });
      const inFlight = writes.map((w) =>
        w.send(client).then(
          () => {
            if (++answered >= killAfter) reached();
          },
          () => {
            unanswered++;
          },
        ),
      );
      await moment;
      await server.stop('SIGKILL');
      await Promise.all(inFlight);

      await withDatabase(database.url, async (query) => {
        const ids = async (sql: string) => new Set((await query<{ id: string }>(sql)).map((r) => r.id));
        const threadIds = await ids('select id from thread');
        const replyIds = await ids('select id from reply');
        const votes = new Set(
          (
            await query<{ external_id: string; thread_id: string }>(
              'select m.external_id, v.thread_id from vote v join member m on m.id = v.member_id',
            )
          ).map((v) => `${v.external_id}/${v.thread_id}`),
        );
        expect(
          [...acked.threads].filter((id) => !threadIds.has(id)),
          'acknowledged threads missing',
        ).toEqual([]);
        expect(
          [...acked.replies].filter((id) => !replyIds.has(id)),
          'acknowledged replies missing',
        ).toEqual([]);
        expect(
          [...acked.votes].filter((v) => !votes.has(v)),
          'acknowledged votes missing',
        ).toEqual([]);
        for (const [invariant, sql] of Object.entries(INVARIANTS)) {
          expect(await query(sql), `round ${round}: ${invariant}`).toEqual([]);
        }
      });
      answered = REQUESTS - unanswered;
      if (answered > 0 && unanswered > 0) midLoad++;
      summary.push(
        `round ${round}: ${answered} answered (${acked.threads.size - before.threads} threads, ${acked.replies.size - before.replies} replies, ${acked.votes.size - before.votes} votes), ${unanswered} cut off by the kill`,
      );
    }
    console.log(summary.join('\n'));
    // The kills must land mid-load (some writes answered, some cut off), or nothing was tested.
    expect(midLoad).toBeGreaterThanOrEqual(ROUNDS / 2);
  },
  15 * 60_000,
);
