/**
 * Emails are HTML too: every field that reaches one (the brand's name, thread titles, replies,
 * staff names and titles, status notes, merged threads, "What's new" titles and text) holds XSS
 * payloads, the server sends its emails through a real SMTP server process, and each email's HTML
 * is opened in Chromium with nothing between it and the page: no payload runs, none becomes an
 * element, and every link leads only to the web or an email address.
 */
import type { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { startTestSmtpServer, type TestSmtpServer } from '@rapport/server/testing/smtp.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';
import { injectedInto } from './xss-checks.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

let stack: Stack;
let smtp: TestSmtpServer;
let staff: GraphQLClient;
const CUSTOMER = 'ada@customer.example';
const line = (payload: string, max: number) => payload.replace(/\s+/g, ' ').slice(0, max).padEnd(3, '.');

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ env: { SMTP_URL: smtp.url, MAIL_INTERVAL_MS: '100' } });
  staff = await stack.staff();
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

it(`sends emails carrying ${XSS_PAYLOADS.length} payloads in every field, none of which runs`, async () => {
  const manager = await stack.signInToConsole({ email: 'sam@brand.example', password: 'staff password 1' });
  await manager.page.close();
  // The brand's name and the staff member's own name and title are payloads too.
  const [brandName, staffName, staffTitle] = XSS_PAYLOADS;
  await staff.data('mutation ($n: String!, $t: String!) { updateMyProfile(input: { name: $n, title: $t }) { id } }', {
    variables: { n: line(staffName as string, 80), t: line(staffTitle as string, 80) },
  });
  // Updating the community's name is for managers: made one with the CLI's help.
  await stack.addStaff({ email: 'mia@brand.example', name: 'Mia', password: 'manager password 1' }, 'manager');
  const mgr = await stack.staff();
  await mgr.data(
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
    { variables: { c: stack.community.slug, e: 'mia@brand.example', p: 'manager password 1' } },
  );
  await mgr.data('mutation ($n: String!) { updateCommunity(input: { name: $n }) { id } }', {
    variables: { n: line(brandName as string, 120) },
  });

  // Ada (signed in, with an address) follows threads whose titles are payloads.
  const page = await stack.browser.newPage();
  await page.goto(`${stack.host.url}/login/ada?next=/`);
  const { GraphQLClient: Client } = await import('@rapport/server/testing/graphql-client.ts');
  const { ssoToken } = await import('@rapport/server/testing/fixtures.ts');
  const token = await ssoToken(stack.community, { sub: 'ada', name: 'Ada', email: CUSTOMER });
  const api = new Client(`${stack.server.url}/graphql`);
  const threads: string[] = [];
  for (const payload of XSS_PAYLOADS.slice(3, 8)) {
    const { postThread } = await api.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
      token,
      variables: { i: { kind: 'IDEA', title: line(payload, 140), body: payload } },
    });
    threads.push(postThread.id);
  }
  const [first, second, third] = threads as [string, string, string];
  // A reply whose text is every payload, a status note, a merge, a What's new entry.
  await staff.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    variables: { i: { threadId: first, body: XSS_PAYLOADS.join('\n') } },
  });
  await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: {
      i: { threadId: second, status: 'PLANNED', note: XSS_PAYLOADS.slice(0, 20).join('\n').slice(0, 1000) },
    },
  });
  await staff.data('mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { id } }', {
    variables: { a: third, b: first },
  });
  const entry = await staff.data('mutation ($i: ChangelogEntryInput!) { createChangelogEntry(input: $i) { id } }', {
    variables: {
      i: { title: line(XSS_PAYLOADS[9] as string, 140), body: XSS_PAYLOADS.join('\n\n'), threadIds: [second] },
    },
  });
  await staff.data('mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', {
    variables: { id: entry.createChangelogEntry.id },
  });

  const emails = () => smtp.received.filter((m) => m.envelopeTo.includes(CUSTOMER));
  await expect.poll(() => emails().length, { timeout: 20_000 }).toBe(4);

  const fired: string[] = [];
  await page.exposeFunction('__pwn', () => fired.push('executed'));
  for (const mail of emails()) {
    const html = String(mail.parsed.html);
    await page.setContent(html, { waitUntil: 'load' });
    // Every payload that reached this email shows as text.
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain(line(brandName as string, 120).slice(0, 40));
    // An email's head has <meta> tags; a staff member's picture is an <img> (from the web).
    expect(await injectedInto(page, null, ['META', 'IMG']), mail.parsed.subject).toEqual({
      elements: [],
      handlers: [],
      unsafeLinks: [],
    });
    await page.mouse.move(100, 100);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(200);
  }
  expect(fired).toEqual([]);
  // The reply email carries every payload, as text.
  const reply = emails().find((m) => m.parsed.subject?.startsWith('New reply'));
  await page.setContent(String(reply?.parsed.html));
  const replyText = (await page.locator('body').textContent()) ?? '';
  for (const payload of XSS_PAYLOADS.filter((p) => !/[`&\\[\]*_]/.test(p))) expect(replyText).toContain(payload);
}, 120_000);
