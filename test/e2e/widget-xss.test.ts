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
import { XSS_PAYLOADS } from './xss-payloads.ts';

let stack: Stack;
const HUB = 'Payload hub <b>bold</b>';
const titleOf = (payload: string) => payload.slice(0, 140).padEnd(3, '.');
const nameOf = (payload: string, i: number) => `${i}${payload}`.slice(0, 50).trim();

beforeAll(async () => {
  stack = await startStack();
  const api = new GraphQLClient(`${stack.server.url}/graphql`);
  const staff = await stack.staff();
  const { postThread: hub } = await staff.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
    variables: { i: { kind: 'IDEA', title: HUB, body: XSS_PAYLOADS.join('\n') } },
  });
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

it(`shows ${XSS_PAYLOADS.length} payloads literally in every field and runs none`, async () => {
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
  expect(await page.locator('rapport-thread-view article > rapport-editable-text p.text').textContent()).toBe(
    XSS_PAYLOADS.join('\n'),
  );
  expect(await page.locator('rapport-thread-view .status-note p.text').textContent()).toBe(
    XSS_PAYLOADS.slice(0, 20).join('\n'),
  );
  expect(await page.locator('rapport-thread-view li rapport-editable-text p.text').allTextContents()).toEqual(
    XSS_PAYLOADS,
  );
  const authors = await page.locator('rapport-thread-view li [part=author] .name').allTextContents();
  expect(authors).toEqual(XSS_PAYLOADS.map(nameOf));

  // A few threads opened on their own, for their body in the thread view.
  for (const payload of XSS_PAYLOADS.filter((_, i) => i % 25 === 0)) {
    await page.getByRole('button', { name: /Back to all posts/ }).click();
    await page.getByRole('button', { name: titleOf(payload), exact: true }).click();
    await page.getByRole('heading', { name: titleOf(payload) }).waitFor();
    expect(await page.locator('rapport-thread-view article > rapport-editable-text p.text').textContent()).toBe(
      payload,
    );
  }

  // Nothing a payload names became an element, and nothing ran.
  const injected = await page.evaluate(() => {
    const dangerous = [
      'SCRIPT',
      'IFRAME',
      'OBJECT',
      'EMBED',
      'SVG',
      'MATH',
      'VIDEO',
      'AUDIO',
      'MARQUEE',
      'DETAILS',
      'BASE',
      'META',
      'IMG',
    ];
    const count = (root: Document | ShadowRoot): number =>
      [...root.querySelectorAll('*')].reduce(
        (n, el) =>
          n + (dangerous.includes(el.tagName.toUpperCase()) ? 1 : 0) + (el.shadowRoot ? count(el.shadowRoot) : 0),
        0,
      );
    return count(document.querySelector('rapport-community')?.shadowRoot as ShadowRoot);
  });
  expect(injected).toBe(0);
  await page.mouse.move(200, 200);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
  expect(fired).toEqual([]);
  await page.close();
}, 120_000);
