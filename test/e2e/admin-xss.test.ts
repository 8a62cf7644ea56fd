/**
 * The XSS suite, in the admin console: every payload typed by customers (thread title and text,
 * replies, guest names, report reasons) and by staff (names, titles, status notes, hide reasons,
 * the community's name) shown on the console's screens, with the console's CSP removed so nothing
 * but the rendering stands between a payload and the page. None may run, none may become an
 * element, and each must show literally.
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';
import { injectedInto } from './xss-checks.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

let stack: Stack;
let manager: GraphQLClient;
let hubId = '';
const MANAGER = { email: 'mia@brand.example', password: 'manager password 1', name: 'Mia Manager' };
const titleOf = (payload: string) => payload.slice(0, 140).padEnd(3, '.');
const nameOf = (payload: string, i: number) => `${i}${payload}`.replace(/\s+/g, ' ').slice(0, 50).trim();
const reasonOf = (payload: string) => payload.slice(0, 500).padEnd(3, '.');
const STAFF_PAYLOADS = XSS_PAYLOADS.slice(0, 8);

beforeAll(async () => {
  stack = await startStack();
  await stack.addStaff(MANAGER, 'manager');
  manager = new GraphQLClient(`${stack.server.url}/graphql`);
  await manager.data(
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
    {
      variables: { c: stack.community.slug, e: MANAGER.email, p: MANAGER.password },
    },
  );
  const { postThread: hub } = await manager.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
    variables: { i: { kind: 'IDEA', title: 'Payload hub', body: XSS_PAYLOADS.join('\n') } },
  });
  hubId = hub.id;
  const api = new GraphQLClient(`${stack.server.url}/graphql`);
  const posted: { token: string; threadId: string }[] = [];
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const { startGuestSession } = await api.data(
      'mutation ($c: String!, $n: String!) { startGuestSession(community: $c, displayName: $n) { token } }',
      { variables: { c: stack.community.slug, n: nameOf(payload, i) } },
    );
    const token = startGuestSession.token;
    const { postThread } = await api.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
      token,
      variables: { i: { kind: 'QUESTION', title: titleOf(payload), body: payload } },
    });
    await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      token,
      variables: { i: { threadId: hub.id, body: payload } },
    });
    posted.push({ token, threadId: postThread.id });
  }
  // Every tenth guest reports the next one's thread (one's own post cannot be reported).
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    if (i % 10 !== 0) continue;
    await api.data('mutation ($i: ReportInput!) { reportContent(input: $i) { id } }', {
      token: posted[i]?.token,
      variables: { i: { threadId: posted[(i + 1) % posted.length]?.threadId, reason: reasonOf(payload) } },
    });
  }
  for (const [i, payload] of STAFF_PAYLOADS.entries()) {
    await manager.data('mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { url } }', {
      variables: {
        i: { name: payload.slice(0, 80), title: payload.slice(0, 80), email: `x${i}@brand.example`, role: 'STAFF' },
      },
    });
  }
  await manager.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: { i: { threadId: hub.id, status: 'PLANNED', note: XSS_PAYLOADS.slice(0, 20).join('\n') } },
  });
  await manager.data('mutation ($n: String!) { updateCommunity(input: { name: $n }) { id } }', {
    variables: { n: XSS_PAYLOADS[2]?.slice(0, 120) },
  });
}, 180_000);
afterAll(() => stack?.close());

/** How many elements a payload could have made, anywhere in the console (shadow roots included). */
const injectedElements = async (page: Page) => (await injectedInto(page, 'rapport-admin')).elements.length;

/** Every page of a list: presses "Load more" (or another label) until it is gone. */
async function loadAll(page: Page, label: string) {
  const more = page.getByRole('button', { name: label });
  while (await more.isVisible()) {
    await more.click();
    await more.waitFor({ state: 'hidden', timeout: 500 }).catch(() => undefined);
  }
}

it(`shows ${XSS_PAYLOADS.length} payloads literally on every screen of the console and runs none`, async () => {
  const context = await stack.browser.newContext();
  // Without its CSP: only the rendering protects the page now.
  await context.route(`${stack.server.url}/admin**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  const page = await context.newPage();
  const fired: string[] = [];
  await page.exposeFunction('__pwn', () => fired.push('executed'));
  await page.goto(`${stack.server.url}/admin`);
  await page.evaluate(() => (window as unknown as { __pwn(): Promise<void> }).__pwn());
  expect(fired).toEqual(['executed']);
  fired.length = 0;
  // And the CSP is really gone: an inline script runs.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.head.append(script);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(inlineRan).toBe(true);
  await page.getByLabel('Community', { exact: true }).fill(stack.community.slug);
  await page.getByLabel('E-mail', { exact: true }).fill(MANAGER.email);
  await page.getByLabel('Password', { exact: true }).fill(MANAGER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  expect(await page.locator('header .brand').textContent()).toContain(XSS_PAYLOADS[2]?.slice(0, 120));

  // The inbox: every title and every customer name.
  await page.getByRole('link', { name: titleOf(XSS_PAYLOADS[0] as string), exact: true }).waitFor();
  await loadAll(page, 'Load more');
  const titles = await page.locator('admin-inbox a.title').allTextContents();
  expect(titles).toEqual(expect.arrayContaining(XSS_PAYLOADS.map(titleOf)));
  const inbox = (await page.locator('admin-inbox ol').allTextContents()).join('\n');
  for (const [i, payload] of XSS_PAYLOADS.entries()) expect(inbox).toContain(nameOf(payload, i));

  // The hub thread: its text, the status note, every reply and its author.
  await page.goto(`${stack.server.url}/admin/threads/${encodeURIComponent(hubId)}`);
  await page.getByRole('heading', { name: 'Payload hub', level: 1 }).waitFor();
  await expect.poll(() => page.locator('admin-thread ol.replies > li').count()).toBe(100);
  await loadAll(page, 'Show more replies');
  await expect.poll(() => page.locator('admin-thread ol.replies > li').count()).toBe(XSS_PAYLOADS.length);
  // The thread's text is read as Markdown (a line break is an element), shown as text.
  expect(await page.locator('admin-thread article > .text').textContent()).toBe(XSS_PAYLOADS.join(''));
  // Replies are formatted text too (a safe Markdown subset: a payload's emphasis or code reads as
  // such), made of nothing but text, paragraphs, emphasis, code and web links.
  const replies = page.locator('admin-thread ol.replies > li > div.text');
  expect(await replies.count()).toBe(XSS_PAYLOADS.length);
  const made = await replies.evaluateAll((texts) =>
    texts.flatMap((text) =>
      [...text.querySelectorAll('*')]
        .filter(
          (el) =>
            !['P', 'EM', 'STRONG', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'BR', 'DEL'].includes(el.tagName) &&
            !(el.tagName === 'A' && /^https?:/i.test(el.getAttribute('href') ?? '')),
        )
        .map((el) => el.outerHTML),
    ),
  );
  expect(made).toEqual([]);
  // What is not Markdown shows exactly as typed.
  const shown = await replies.allTextContents();
  for (const payload of XSS_PAYLOADS.filter((p) => !/[`*_[\\&]/.test(p))) expect(shown).toContain(payload);
  expect(await page.locator('admin-thread ol.replies > li .author .name').allTextContents()).toEqual(
    XSS_PAYLOADS.map(nameOf),
  );
  expect(await page.locator('admin-thread article').textContent()).toContain(XSS_PAYLOADS.slice(0, 20).join('\n'));
  // A payload typed into the reply box shows literally in the preview.
  await page.getByLabel('Your reply').fill(XSS_PAYLOADS.join('\n'));
  expect(await page.locator('admin-reply-form .preview p.text').textContent()).toBe(XSS_PAYLOADS.join('\n'));

  // A customer's own thread, with their relationship brief.
  const one = XSS_PAYLOADS[5] as string;
  await page.goto(`${stack.server.url}/admin`);
  await page.getByRole('link', { name: titleOf(one), exact: true }).click();
  await page.getByRole('heading', { name: titleOf(one), level: 1 }).waitFor();
  await page.locator('admin-customer-panel h2').waitFor();
  expect(await page.locator('admin-customer-panel h2 a').textContent()).toBe(nameOf(one, 5));

  // Members, the moderation queue, staff and the audit log.
  await page.getByRole('navigation').getByRole('link', { name: 'Members' }).click();
  await page.locator('admin-members tbody tr').first().waitFor();
  await loadAll(page, 'Load more');
  const members = await page.locator('admin-members tbody td:first-child a').allTextContents();
  expect(members).toEqual(expect.arrayContaining(XSS_PAYLOADS.map(nameOf)));

  await page.getByRole('navigation').getByRole('link', { name: 'Moderation' }).click();
  await page.locator('admin-moderation ol.reports > li').first().waitFor();
  const queue = (await page.locator('admin-moderation ol.reports').textContent()) ?? '';
  for (const payload of XSS_PAYLOADS.filter((_, i) => i % 10 === 0)) expect(queue).toContain(reasonOf(payload));
  await page.locator('admin-moderation ol.reports > li').first().getByRole('button', { name: 'Hide it' }).click();
  await expect.poll(() => page.locator('admin-moderation [role=status]').textContent()).toContain('Hidden');

  await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
  await page.locator('admin-staff-member').first().waitFor();
  const team = await page.locator('admin-staff-member h2').allTextContents();
  for (const payload of STAFF_PAYLOADS)
    expect(team.some((name) => name.includes(payload.slice(0, 80).trim()))).toBe(true);

  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await page.locator('admin-audit tbody tr').first().waitFor();
  const audit = (await page.locator('admin-audit tbody').textContent()) ?? '';
  expect(audit).toContain(reasonOf(XSS_PAYLOADS[0] as string));

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect
    .poll(() => page.locator('admin-settings #community-name').inputValue())
    .toBe(XSS_PAYLOADS[2]?.slice(0, 120));

  expect(await injectedElements(page)).toBe(0);
  await page.mouse.move(200, 200);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
  expect(fired).toEqual([]);
  await context.close();
}, 180_000);
