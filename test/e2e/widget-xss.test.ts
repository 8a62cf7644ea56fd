/**
 * An XSS suite: well over a hundred payloads, through every text field a customer or staff member
 * can fill (thread title and text, reply, status note, guest name, the name in a brand's SSO token),
 * shown by the widget in Chromium on a page without a CSP (so nothing but the rendering stands
 * between a payload and the page). A hook counts executions: there must be none, and every
 * payload must show literally.
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';
import { injectedInto } from './xss-checks.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

let stack: Stack;
let hubId: string;
const HUB = 'Payload hub <b>bold</b>';
const titleOf = (payload: string) => payload.slice(0, 140).padEnd(3, '.');
const nameOf = (payload: string, i: number) => `${i}${payload}`.replace(/\s+/g, ' ').slice(0, 50).trim();

beforeAll(async () => {
  stack = await startStack();
  const api = new GraphQLClient(`${stack.server.url}/graphql`);
  const staff = await stack.staff();
  const { postThread: hub } = await staff.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
    variables: { i: { kind: 'IDEA', title: HUB, body: XSS_PAYLOADS.join('\n') } },
  });
  hubId = hub.id;
  await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: { i: { threadId: hub.id, status: 'PLANNED', note: XSS_PAYLOADS.slice(0, 20).join('\n') } },
  });
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    // Half the authors are guests named with the payload, half SSO customers whose token names them so.
    const token =
      i % 2 === 0
        ? (
            await api.data(
              'mutation ($c: String!, $n: String!) { startGuestSession(community: $c, displayName: $n) { token } }',
              {
                variables: { c: stack.community.slug, n: nameOf(payload, i) },
              },
            )
          ).startGuestSession.token
        : await new SignJWT({ name: nameOf(payload, i) })
            .setProtectedHeader({ alg: 'HS256', kid: stack.community.ssoKeyId })
            .setSubject(`xss-${i}`)
            .setExpirationTime('10m')
            .sign(new TextEncoder().encode(stack.community.ssoSecret));
    await api.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
      token,
      variables: { i: { kind: 'QUESTION', title: titleOf(payload), body: payload } },
    });
    await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      token,
      variables: { i: { threadId: hub.id, body: payload } },
    });
  }
}, 120_000);
afterAll(() => stack?.close());

/** The text a formatted text shows (what its elements' text content is). */
interface FormattedNode {
  t: string;
  v?: string;
  c?: FormattedNode[];
  items?: FormattedNode[][];
}
type Formatted = FormattedNode[];
const textOf = (nodes: Formatted): string =>
  nodes.map((n) => n.v ?? (n.c ? textOf(n.c) : n.items ? n.items.map(textOf).join('') : '')).join('');

/** The hub's replies as the server formats them, oldest first. */
async function formattedReplies(): Promise<{ body: string; bodyFormatted: Formatted }[]> {
  const api = new GraphQLClient(`${stack.server.url}/graphql`);
  const data = await api.data(
    `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
      a: replies(first: 100) { edges { node { body bodyFormatted } } pageInfo { endCursor } } } } }`,
    { variables: { s: stack.community.slug, id: hubId } },
  );
  const first = data.community.thread.a;
  const rest = await api.data(
    'query ($s: String!, $id: ID!, $after: String) { community(slug: $s) { thread(id: $id) { replies(first: 100, after: $after) { edges { node { body bodyFormatted } } } } } }',
    { variables: { s: stack.community.slug, id: hubId, after: first.pageInfo.endCursor } },
  );
  return [...first.edges, ...rest.community.thread.replies.edges].map((e: { node: never }) => e.node);
}

/** A payload's own thread's body, as the server formats it. */
async function formattedThread(payload: string): Promise<Formatted | undefined> {
  const api = new GraphQLClient(`${stack.server.url}/graphql`);
  const data = await api.data(
    'query ($s: String!, $q: String!) { community(slug: $s) { threads(first: 50, search: $q) { edges { node { title bodyFormatted } } } } }',
    { variables: { s: stack.community.slug, q: titleOf(payload).slice(0, 100) } },
  );
  return data.community.threads.edges.find((e: { node: { title: string } }) => e.node.title === titleOf(payload))?.node
    .bodyFormatted;
}

it(`shows ${XSS_PAYLOADS.length} payloads as text in every field and runs none`, async () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  const page = await stack.browser.newPage();
  const fired: string[] = [];
  await page.exposeFunction('__pwn', () => fired.push('executed'));
  await page.goto(`${stack.host.url}/no-csp`);
  // The hook works: a call from the page is counted (then the count starts again).
  await page.evaluate(() => (window as unknown as { __pwn(): Promise<void> }).__pwn());
  expect(fired).toEqual(['executed']);
  fired.length = 0;

  // The list: every title and every author name, page after page.
  const more = page.getByRole('button', { name: 'Load more' });
  await page.getByRole('button', { name: titleOf(XSS_PAYLOADS.at(-1) as string), exact: true }).waitFor();
  while (await more.isVisible()) {
    const before = await page.locator('rapport-thread-list li').count();
    await more.click();
    await expect.poll(() => page.locator('rapport-thread-list li').count()).toBeGreaterThan(before);
  }
  const titles = await page.locator('rapport-thread-list button.title').allTextContents();
  expect(titles).toEqual(expect.arrayContaining(XSS_PAYLOADS.map(titleOf)));
  const meta = (await page.locator('rapport-thread-list .meta').allTextContents()).join('\n');
  for (const [i, payload] of XSS_PAYLOADS.entries()) expect(meta).toContain(nameOf(payload, i));

  // The hub thread: its text, the status note, and a reply from every payload-named author.
  await page.getByRole('button', { name: HUB, exact: true }).click();
  await page.getByRole('heading', { name: HUB }).waitFor();
  await expect.poll(() => page.locator('rapport-thread-view ol li').count()).toBe(100);
  await page.getByRole('button', { name: 'Show more replies' }).click();
  await expect.poll(() => page.locator('rapport-thread-view ol li').count()).toBe(XSS_PAYLOADS.length);
  // Bodies are read as Markdown (a line break is an element, not a character): each shows exactly
  // the text the server's formatting has, and the formatting holds every payload as text.
  expect(await page.locator('rapport-thread-view article > rapport-editable-text .text').textContent()).toBe(
    XSS_PAYLOADS.join(''),
  );
  expect(await page.locator('rapport-thread-view .status-note .text').textContent()).toBe(
    XSS_PAYLOADS.slice(0, 20).join(''),
  );
  const formatted = await formattedReplies();
  expect(formatted.map((r) => r.body)).toEqual(XSS_PAYLOADS);
  expect(await page.locator('rapport-thread-view li rapport-editable-text .text').allTextContents()).toEqual(
    formatted.map((r) => textOf(r.bodyFormatted)),
  );
  const authors = await page.locator('rapport-thread-view li [part=author] .name').allTextContents();
  expect(authors).toEqual(XSS_PAYLOADS.map(nameOf));

  // A few threads opened on their own, for their body in the thread view.
  for (const payload of XSS_PAYLOADS.filter((_, i) => i % 25 === 0)) {
    await page.getByRole('button', { name: /Back to all posts/ }).click();
    await page.getByRole('button', { name: titleOf(payload), exact: true }).click();
    await page.getByRole('heading', { name: titleOf(payload) }).waitFor();
    expect(await page.locator('rapport-thread-view article > rapport-editable-text .text').textContent()).toBe(
      textOf((await formattedThread(payload)) ?? []),
    );
  }

  // Nothing a payload names became an element or a handler, and links lead only to the web or email.
  expect(await injectedInto(page, 'rapport-community')).toEqual({ elements: [], handlers: [], unsafeLinks: [] });
  await page.mouse.move(200, 200);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
  expect(fired).toEqual([]);
  await page.close();
}, 120_000);
