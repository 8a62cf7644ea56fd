/**
 * Several server processes behind one address serve the same community: two processes on
 * different ports share the database and Redis; a customer's widget, subscribed through process A,
 * receives live a reply a staff member posts through process B (rate limits shared through Redis
 * are tested in packages/server/src/rate-limit). PostgreSQL in the PostgreSQL run; one SQLite file
 * in WAL mode otherwise.
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { type ServerProcess, startServerProcess } from '@rapport/server/testing/process.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STAFF, type Stack, startStack } from './stack.ts';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
let stack: Stack;
let b: ServerProcess;

beforeAll(async () => {
  stack = await startStack({ env: { REDIS_URL } });
  b = await startServerProcess({ DATABASE_URL: stack.database.url, REDIS_URL, SEED_DEMO: 'false' });
}, 60_000);
afterAll(async () => {
  await b?.stop();
  await stack?.close();
});

it('a widget subscribed on process A shows live a reply posted on process B', async () => {
  expect(new URL(b.url).port).not.toBe(new URL(stack.server.url).port);
  const onB = new GraphQLClient(`${b.url}/graphql`);
  await onB.data(
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
    { variables: { c: stack.community.slug, e: STAFF.email, p: STAFF.password } },
  );
  const { postThread } = await onB.data(
    'mutation { postThread(input: { kind: IDEA, title: "Hiking poles with a camera mount" }) { id } }',
  );

  // The brand's page talks to process A.
  const { page, problems } = await stack.open('/signed-in/pia');
  await page.getByRole('button', { name: 'Hiking poles with a camera mount', exact: true }).click();
  await expect.poll(() => page.locator('rapport-thread-view .live').textContent()).toContain('Live');

  await onB.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    variables: { i: { threadId: postThread.id, body: 'Posted through the other process.' } },
  });
  await page.getByText('Posted through the other process.').waitFor({ timeout: 10_000 });
  expect(problems).toEqual([]);
  await page.close();
});
