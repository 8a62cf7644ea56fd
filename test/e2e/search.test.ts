/**
 * Find it before you post it, end to end: the server as its own process, the brand's page in
 * Chromium, the console in another. A customer's search finds a thread by other forms of its words
 * and by what staff answered in it, and never a hidden one; while she types a new post, the thread
 * it duplicates is offered, and one click votes for and follows it instead. Staff see the same
 * finder's possible duplicates in the merge form. (CI runs it on SQLite, and on PostgreSQL.)
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
let staff: GraphQLClient;
const ids: Record<string, string> = {};

async function post(key: string, title: string, body: string): Promise<void> {
  const { postThread } = await staff.data(
    'mutation ($t: String!, $b: String!) { postThread(input: { kind: IDEA, title: $t, body: $b }) { id } }',
    { variables: { t: title, b: body } },
  );
  ids[key] = postThread.id;
}

beforeAll(async () => {
  stack = await startStack();
  staff = await stack.staff();
  await post('boots', 'Boots leak after 3 months', 'The seams let water in on wet trails.');
  await post('maps', 'Offline trail maps', 'Download a region before a hike.');
  await post('laces', 'Stronger laces', 'Mine snapped on the second day.');
  await post('secret', 'Leaking tent seams', 'A thread staff will hide.');
  await staff.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    variables: { i: { threadId: ids.laces, body: 'Kevlar laces are coming to every boot this spring.' } },
  });
  const manager = { email: 'mia@brand.example', password: 'manager password 1', name: 'Mia Manager' };
  await stack.addStaff(manager, 'manager');
  const mia = new GraphQLClient(`${stack.server.url}/graphql`);
  await mia.data(
    'mutation ($e: String!, $p: String!) { staffSignIn(community: "e2e", email: $e, password: $p) { kind } }',
    { variables: { e: manager.email, p: manager.password } },
  );
  await mia.data('mutation ($id: ID!) { hideThread(threadId: $id, reason: "Off topic") { id } }', {
    variables: { id: ids.secret },
  });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

/** The titles the widget's list shows, in order. */
async function listed(page: Page): Promise<string[]> {
  const titles = await page.locator('rapport-community [part="thread-title"]').allTextContents();
  return titles.map((t) => t.trim());
}

it('finds a thread by other forms of its words and by a staff answer, shown where, never a hidden one', async () => {
  const { page, problems } = await stack.open('/');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await page.getByRole('button', { name: 'Boots leak after 3 months', exact: true }).waitFor();

  // "leaking boots": other forms of the title's words, in another order.
  await search.fill('leaking boots');
  await expect.poll(() => listed(page)).toEqual(['Boots leak after 3 months']);
  // A word only a staff reply holds.
  await search.fill('kevlar');
  await expect.poll(() => listed(page)).toEqual(['Stronger laces']);
  // Where it was found, the word marked, as text.
  const excerpt = page.locator('rapport-community [part="excerpt"]');
  await expect.poll(() => excerpt.allTextContents()).toEqual([expect.stringContaining('In a reply')]);
  expect(await excerpt.textContent()).toContain('laces are coming to every boot');
  expect(await excerpt.locator('mark').allTextContents()).toEqual(['Kevlar']);
  // The hidden thread's words find nothing.
  await search.fill('tent');
  await page.getByText('No posts match your search.').waitFor();
  await search.fill('');
  await page.getByRole('button', { name: 'Offline trail maps', exact: true }).waitFor();
  expect(await listed(page)).not.toContain('Leaking tent seams');
  expect(problems).toEqual([]);
});

it('offers the thread a new post duplicates, and one click votes for and follows it instead', async () => {
  const { page, problems } = await stack.open('/signed-in/ada');
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Title').fill('My boots are leaking');
  const followers = () =>
    staff
      .data('query ($id: ID!) { community(slug: "e2e") { thread(id: $id) { voteCount followerCount } } }', {
        variables: { id: ids.boots },
      })
      .then((d) => d.community.thread as { voteCount: number; followerCount: number });
  const before = await followers();
  const offer = page.getByRole('region', { name: 'Is it one of these?' });
  await offer.getByText('Boots leak after 3 months').waitFor();
  await expect.poll(() => offer.getByRole('listitem').first().textContent()).toMatch(/Open ·\s+0 votes/);
  expect(await offer.getByText('Leaking tent seams').count()).toBe(0);

  await offer
    .getByRole('button', { name: 'Vote for “Boots leak after 3 months” and follow it instead of posting' })
    .click();
  await page.getByRole('heading', { name: 'Boots leak after 3 months' }).waitFor();
  await page.getByRole('button', { name: 'Vote for “Boots leak after 3 months”', pressed: true }).waitFor();

  // Nothing was posted; the vote and the follow are Ada's.
  expect(await followers()).toEqual({ voteCount: 1, followerCount: before.followerCount + 1 });
  const anyone = new GraphQLClient(`${stack.server.url}/graphql`);
  const { community } = await anyone.data(
    'query { community(slug: "e2e") { threads(first: 20) { edges { cursor } } } }',
  );
  expect(community.threads.edges).toHaveLength(3);
  expect(problems).toEqual([]);
});

it('shows staff the possible duplicates of a new thread in the merge form', async () => {
  await post('dupe', 'Boots leaking through the seams', 'Same as the other one, I think.');
  const { page, problems } = await stack.signInToConsole({ email: 'sam@brand.example', password: 'staff password 1' });
  await page.goto(`${stack.server.url}/admin/threads/${encodeURIComponent(ids.dupe as string)}`);
  const merge = page.getByRole('form', { name: 'Merge this duplicate into…' });
  await merge.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
  await merge.getByLabel(/Boots leak after 3 months/).check();
  await merge.getByRole('button', { name: 'Merge' }).click();
  await page.getByRole('link', { name: 'Merged into “Boots leak after 3 months”' }).waitFor();

  // The merged thread's words now lead to the one it was merged into.
  const { community } = await staff.data(
    'query { community(slug: "e2e") { search(query: "through seams") { edges { node { thread { title } } } } } }',
  );
  expect(community.search.edges.map((e: { node: { thread: { title: string } } }) => e.node.thread.title)).toEqual([
    'Boots leak after 3 months',
  ]);
  expect(problems).toEqual([]);
});
