/**
 * What posting a reply costs the database, statement by statement (issue #32 asks for at most 10;
 * BENCHMARKS.md has the list). A reply a follower is told of, with its activity and score, is
 * written without reading again what the write already holds.
 */
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Thread } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

/** Every SQL statement the server runs, from MikroORM's query log. */
const statements: string[] = [];
let server: TestServer;
let brand: TestCommunity;

beforeAll(async () => {
  server = await startTestServer({
    backgroundJobs: false,
    ormOverrides: { debug: ['query'], logger: (message: string) => statements.push(message) },
  });
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

const REPLY = 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }';

it('posts a follower’s reply in a bounded number of statements, reading nothing twice', async () => {
  const poster = await guestToken(server.client(), brand.slug, 'Pia Poster');
  const replier = await guestToken(server.client(), brand.slug, 'Ray Replier');
  const threadId = await postThread(server.client(), poster, { title: 'Counting statements' });
  await server.client().data(REPLY, { token: replier, variables: { i: { threadId, body: 'First.' } } });
  statements.length = 0;
  await server.client().data(REPLY, { token: replier, variables: { i: { threadId, body: 'Second.' } } });
  const plain = statements.map((s) => stripVTControlCharacters(s));
  const touching = (table: string) =>
    plain.filter((s) => new RegExp(`(from|into|update|join) [\`"]?${table}[\`"]? `).test(s)).length;
  const writes = (table: string) =>
    plain.filter((s) => new RegExp(`(insert into|update) [\`"]?${table}[\`"]? `).test(s)).length;
  // Read once: the thread (locked), then in one statement the community, the author's recent
  // replies (a double post), the followers and their email settings, the webhooks, the ranking.
  expect(plain.filter((s) => /^\[query\] select \* from thread /.test(s))).toHaveLength(1);
  expect(touching('community')).toBe(1);
  expect(touching('follow')).toBe(2); // the followers read, and the author's follow written
  // A new activity's event: nobody was told of it before, and no email is due (guests have none).
  expect(touching('outbox_message')).toBe(0);
  expect(plain.filter((s) => /select .* from [`"]?notification/.test(s))).toHaveLength(0);
  // The reply's rows are written once each, as SQL (services/reply-write/rows.ts): the commit's
  // flush writes none of them again (this fails if merging stops marking them as stored).
  for (const table of ['reply', 'activity', 'thread', 'member_score', 'notification']) {
    expect(writes(table), table).toBe(1);
  }
  // PostgreSQL: begin, the lock, the read, the writes as one statement, commit (and the session's
  // token, when not remembered). SQLite writes one statement a table, in process.
  const bound = process.env.DATABASE_URL?.startsWith('postgres') ? 6 : 12;
  expect(plain.length, plain.join('\n')).toBeLessThanOrEqual(bound);
});

it('writes a staff member’s first reply once: the thread’s new state as the answer shows it', async () => {
  const poster = await guestToken(server.client(), brand.slug, 'Quinn Question');
  const threadId = await postThread(server.client(), poster, { title: 'Waiting for the brand' });
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  statements.length = 0;
  const { reply } = await staff.data(
    'mutation ($i: ReplyInput!) { reply(input: $i) { id thread { replyCount followerCount assignee { name } } } }',
    { variables: { i: { threadId, body: 'We are on it.' } } },
  );
  const plain = statements.map((s) => stripVTControlCharacters(s));
  const writes = (pattern: RegExp) => plain.filter((s) => pattern.test(s)).length;
  // The first staff reply follows the thread, answers it and takes it on: one write each, none
  // again at the commit (this fails if merging stops marking the rows as stored).
  expect(writes(/insert into [`"]follow[`"]/), plain.join('\n')).toBe(1);
  expect(writes(/update [`"]thread[`"]/), plain.join('\n')).toBe(1);
  expect(writes(/update [`"]follow[`"]|update [`"]reply[`"]|update [`"]activity[`"]/)).toBe(0);
  expect(reply.thread).toEqual({ replyCount: 1, followerCount: 2, assignee: { name: brand.staff.name } });
  const stored = await server.em().findOneOrFail(Thread, { title: 'Waiting for the brand' }, ALL_COMMUNITIES);
  expect([stored.replyCount, stored.followerCount, stored.assignee?.id]).toEqual([1, 2, brand.staff.id]);
});
