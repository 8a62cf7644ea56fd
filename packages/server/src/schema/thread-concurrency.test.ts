/**
 * The same thread sent many times at once by one person (a retry storm, a double-clicking client
 * without an idempotency key) is stored once, on PostgreSQL as on SQLite; the others are told
 * where the first one is.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Thread } from '../entities/index.ts';
import { ALL_COMMUNITIES } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand, writer } from '../testing/server.ts';
import { expectStoredOnce } from '../testing/stored-once.ts';

let t: TestBrand;
beforeAll(async () => {
  t = await startTestBrand({ backgroundJobs: false });
});
afterAll(() => t?.server.close());

const post = (token: string | undefined, title: string, client = t.api) =>
  client.request('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
    token,
    variables: { i: { kind: 'IDEA', title, body: 'Sent twenty times at once.' } },
  });

it.each([
  ['a customer', 'Lighter tent poles'],
  ['staff', 'Announcing the repair programme'],
] as const)('%s posting one title twenty times at once stores one thread', async (who, title) => {
  const { client, token } = await writer(t, who);
  const answers = await Promise.all(Array.from({ length: 20 }, () => post(token, title, client)));
  expectStoredOnce(answers, (data) => (data?.postThread as { id: string } | undefined)?.id, 'title');
  expect(await t.server.em().count(Thread, { title }, ALL_COMMUNITIES)).toBe(1);
});
