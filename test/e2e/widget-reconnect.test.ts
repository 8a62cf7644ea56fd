/**
 * Live updates survive the server going away: a thread left open in the widget, and the inbox and
 * a thread open in the console, reconnect by themselves after the server restarts and show what
 * was posted while it was gone.
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STAFF, type Stack, startStack } from './stack.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

it('catches up on a reply posted while the server was restarting, then stays live', async () => {
  const staff = await stack.staff();
  const { postThread } = await staff.data(
    'mutation { postThread(input: { kind: IDEA, title: "Through a restart" }) { id } }',
  );
  const { page, problems } = await stack.open();
  await page.getByRole('button', { name: 'Through a restart', exact: true }).click();
  const live = page.locator('rapport-thread-view .live');
  await expect.poll(() => live.textContent()).toContain('Live');

  await stack.restart();
  // Posted on the new process before the widget has reconnected (it waits at least a second).
  const again = await stack.staff();
  await again.data('mutation ($id: ID!) { reply(input: { threadId: $id, body: "Posted during the gap" }) { id } }', {
    variables: { id: postThread.id },
  });
  await page.locator('rapport-thread-view li', { hasText: 'Posted during the gap' }).waitFor({ timeout: 15_000 });
  await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain('Live');

  await again.data(
    'mutation ($id: ID!) { reply(input: { threadId: $id, body: "Posted after reconnecting" }) { id } }',
    {
      variables: { id: postThread.id },
    },
  );
  await page.locator('rapport-thread-view li', { hasText: 'Posted after reconnecting' }).waitFor();
  expect(await page.locator('rapport-thread-view li', { hasText: 'Posted during the gap' }).count()).toBe(1);
  // A dropped stream is expected here; nothing else may go wrong.
  expect(problems.filter((p) => !/ERR_|Failed to load resource|network/i.test(p))).toEqual([]);
  await page.close();
});

it("the console's inbox and open thread catch up on what happened while the server restarted", async () => {
  const { page, problems } = await stack.signInToConsole(STAFF);
  await page.getByText('Live: updates appear by themselves').waitFor();
  await stack.restart();
  // A customer asks something while the console is still reconnecting.
  const api = new GraphQLClient(`${stack.server.url}/graphql`);
  const { startGuestSession } = await api.data(
    'mutation ($c: String!) { startGuestSession(community: $c, displayName: "Gap Guest") { token } }',
    { variables: { c: stack.community.slug } },
  );
  const token = startGuestSession.token;
  const { postThread } = await api.data(
    'mutation { postThread(input: { kind: QUESTION, title: "Asked during the restart" }) { id } }',
    { token },
  );
  const item = page.getByRole('listitem').filter({ hasText: 'Asked during the restart' });
  await item.waitFor({ timeout: 20_000 });
  await expect.poll(() => page.getByText('Live: updates appear by themselves').count(), { timeout: 15_000 }).toBe(1);

  await item.getByRole('link', { name: 'Asked during the restart' }).click();
  await page.getByRole('heading', { name: 'Asked during the restart', level: 1 }).waitFor();
  const reply = (body: string) =>
    api.data('mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }', {
      token,
      variables: { id: postThread.id, b: body },
    });
  const conversation = page.getByRole('list', { name: 'Conversation' });
  // Shown live: the thread's subscription is in place before the restart.
  await reply('Anyone there?');
  await conversation.getByText('Anyone there?').waitFor();
  await stack.restart();
  await reply('Following up during the gap');
  await conversation.getByText('Following up during the gap').waitFor({ timeout: 20_000 });
  expect(problems.filter((p) => !/ERR_|Failed to load resource|network/i.test(p))).toEqual([]);
  await page.context().close();
});
