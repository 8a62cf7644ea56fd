/**
 * Ambassadors end to end: customers take part through the real API, the ranking follows as they
 * do (and a full recompute from the CLI agrees), a manager sees the order in the admin console,
 * flags the top member, and customers see the badge in the widget on the brand's page.
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rapport } from './rapport-cli.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
const MANAGER = { email: 'mara@brand.example', password: 'manager password 2', name: 'Mara Manager' };

beforeAll(async () => {
  stack = await startStack();
  await stack.addStaff(MANAGER, 'manager');
}, 60_000);
afterAll(() => stack?.close());

/** A guest customer who takes part through the API, as the widget would. */
async function customer(displayName: string) {
  const client = new GraphQLClient(`${stack.server.url}/graphql`);
  const { startGuestSession } = await client.data(
    'mutation ($c: String!, $n: String!) { startGuestSession(community: $c, displayName: $n) { token } }',
    { variables: { c: stack.community.slug, n: displayName } },
  );
  const token: string = startGuestSession.token;
  return {
    post: async (title: string, body: string) =>
      (
        await client.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
          token,
          variables: { i: { kind: 'IDEA', title, body } },
        })
      ).postThread.id as string,
    reply: (threadId: string, body: string) =>
      client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
        token,
        variables: { i: { threadId, body } },
      }),
    vote: (threadId: string) =>
      client.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token, variables: { id: threadId } }),
  };
}

const ORDER = ['Pia Power', 'Ola Often', 'Nia New'];

it('ranks seeded activity in the expected order, and a flagged ambassador carries the badge in the widget', async () => {
  // Pia posts ideas others vote on and answer; Ola posts one and votes; Nia only votes once.
  const [pia, ola, nia] = await Promise.all(ORDER.map(customer));
  const piaIdeas = [
    await pia!.post('Offline maps for hikers', 'I love this app, offline maps would make it perfect.'),
    await pia!.post('Share routes with friends', 'Great for planning trips together, thank you!'),
  ];
  const olaIdea = await ola!.post('Bigger buttons', 'Buttons are small on my phone.');
  for (const idea of piaIdeas) await ola!.vote(idea);
  await pia!.reply(olaIdea, 'Good point, this would help a lot.');
  await nia!.vote(piaIdeas[0]!);
  await ola!.reply(piaIdeas[0]!, 'Yes, I want this too.');

  // The full recompute from the activity log agrees with what the incremental updates built.
  const staff = await stack.staff();
  const rankingQuery =
    'query ($s: String!) { community(slug: $s) { ranking(first: 10) { edges { node { score member { displayName } } } } } }';
  const ranked = async () =>
    (await staff.data(rankingQuery, { variables: { s: stack.community.slug } })).community.ranking.edges.map(
      (e: { node: { score: number; member: { displayName: string } } }) => [e.node.member.displayName, e.node.score],
    );
  const incremental = await ranked();
  expect(incremental.map(([name]: [string]) => name)).toEqual(ORDER);
  const run = await rapport(stack.database.url, 'ranking', 'recompute', '--community', stack.community.slug);
  expect(run.members).toBe(3);
  const recomputed = await ranked();
  expect(recomputed.map(([name]: [string]) => name)).toEqual(ORDER);
  // Scores are decayed to the moment they are read, so a second later they are a hair lower.
  for (const [i, [, score]] of recomputed.entries()) {
    expect(Math.abs(score - incremental[i][1]) / score).toBeLessThan(1e-6);
  }

  // The manager sees the same order in the console and flags Pia, with a reason.
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${stack.server.url}/admin`);
  await page.getByLabel('Community', { exact: true }).fill(stack.community.slug);
  await page.getByLabel('E-mail', { exact: true }).fill(MANAGER.email);
  await page.getByLabel('Password', { exact: true }).fill(MANAGER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.getByRole('link', { name: 'Ambassadors' }).click();
  const names = page.locator('admin-ambassadors tbody tr td:nth-child(2) button');
  await expect.poll(() => names.allTextContents()).toEqual(ORDER);
  await page.getByRole('button', { name: 'Why Pia Power ranks here' }).click();
  const breakdown = page.getByRole('region', { name: 'Why Pia Power ranks here' });
  await breakdown.getByText('Offline maps for hikers').first().waitFor();
  await breakdown.getByRole('button', { name: 'Flag as ambassador' }).click();
  await breakdown.getByRole('textbox').fill('Helps other hikers every week');
  await breakdown.getByRole('button', { name: 'Flag as ambassador' }).click();
  await breakdown.getByText('Pia Power is an ambassador now').waitFor();
  await page.getByRole('tab', { name: 'Ambassadors' }).click();
  await expect.poll(() => names.allTextContents()).toEqual(['Pia Power']);
  expect(problems).toEqual([]);
  await context.close();

  // On the brand's page, Pia's idea and reply show the badge; Ola's do not.
  const visitor = await stack.open('/');
  await visitor.page.getByRole('button', { name: 'Bigger buttons', exact: true }).click();
  const piaReply = visitor.page.locator('rapport-thread-view li', { hasText: 'Good point, this would help a lot.' });
  await piaReply.waitFor();
  expect(await piaReply.textContent()).toContain('Ambassador');
  expect(await piaReply.locator('[part=badge]').textContent()).toBe('Ambassador');
  // Ola, who wrote the idea, has no badge: Pia's is the only one in the thread.
  expect(await visitor.page.locator('rapport-thread-view [part=badge]').count()).toBe(1);
  expect(visitor.problems).toEqual([]);
  await visitor.page.close();
});
