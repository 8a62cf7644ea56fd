/**
 * Live updates survive the server going away: a thread left open while the server restarts
 * reconnects by itself and shows what was posted while it was gone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

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
