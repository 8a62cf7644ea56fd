/**
 * What posting a reply costs the database, statement by statement (issue #32 asks for at most 10;
 * BENCHMARKS.md has the list). A reply a follower is told of, with its activity and score, is
 * written without reading again what the write already holds.
 */
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, type TestCommunity } from '../testing/fixtures.ts';
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
