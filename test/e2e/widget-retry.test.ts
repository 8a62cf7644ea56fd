/**
 * A customer's post or reply whose answer never arrives (the connection dropped after the server
 * had written it) is sent again by the widget with the same idempotency key: it appears once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

/** How many threads (and replies on the first one) carry this title, as staff see them. */
async function countThreads(title: string): Promise<{ threads: number; replies: number }> {
  const staff = await stack.staff();
  const data = await staff.data(
    'query ($slug: String!, $s: String!) { community(slug: $slug) { threads(first: 50, search: $s) { edges { node { title replyCount } } } } }',
    { variables: { slug: stack.community.slug, s: title } },
  );
  const nodes = data.community.threads.edges.map((e: any) => e.node).filter((n: any) => n.title === title);
  return { threads: nodes.length, replies: nodes[0]?.replyCount ?? 0 };
}

it('posts once and replies once when the first answer is lost on the way back', async () => {
  const { page, problems } = await stack.open('/signed-in/rhea');
  const lost = { postThread: 0, reply: 0 };
  // The request reaches the server and is written; its answer is then cut off, as a timeout would.
  await page.route(
    (url) => url.pathname === '/graphql',
    async (route) => {
      const body = route.request().postData() ?? '';
      const which = body.includes('mutation WidgetPostThread')
        ? 'postThread'
        : body.includes('mutation WidgetReply')
          ? 'reply'
          : null;
      if (which && lost[which] === 0) {
        lost[which]++;
        await route.fetch();
        return route.abort('timedout');
      }
      return route.continue();
    },
  );
  const title = 'Retried after a lost answer';
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.getByRole('heading', { name: title }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Your reply').fill('Said only once.');
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await page.locator('rapport-thread-view li', { hasText: 'Said only once.' }).first().waitFor({ timeout: 15_000 });

  expect(lost).toEqual({ postThread: 1, reply: 1 });
  expect(await countThreads(title)).toEqual({ threads: 1, replies: 1 });
  expect(await page.locator('rapport-thread-view li', { hasText: 'Said only once.' }).count()).toBe(1);
  expect(problems.filter((p) => !/ERR_|Failed to load resource|network/i.test(p))).toEqual([]);
  await page.close();
});
