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
  const reads = (table: string) =>
    plain.filter((s) => new RegExp(`^\\[query\\] select .* from [\`"]${table}[\`"]`).test(s));
  // What the write holds already: the thread it locked, the community, the reply it made.
  expect(reads('thread')).toHaveLength(1);
  expect(reads('community')).toHaveLength(1);
  expect(reads('reply')).toHaveLength(1); // the same author's recent replies (a double post)
  // A new activity's event: nobody was told of it before, and no email is due (guests have none).
  expect(reads('notification')).toHaveLength(0);
  expect(reads('outbox_message')).toHaveLength(0);
  expect(plain.length, plain.join('\n')).toBeLessThanOrEqual(17);
});
