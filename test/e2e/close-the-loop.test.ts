/**
 * The loop, closed, end to end: the server as its own process with a real SMTP server process for
 * its email and its own SMTP listener for replies, Chromium on the brand's app (which has its own
 * router) and in the console. A signed-in customer votes for an idea; staff publish a "What's new"
 * entry shipping it; the customer sees it live and gets an HTML email whose link opens the thread
 * on the brand's page; she answers the email, and her answer appears live in the widget and in the
 * console as hers. A customer who withdrew consent gets nothing. (CI runs it on SQLite, and on
 * PostgreSQL with Redis.)
 */
import type { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { freePort, sendMail } from '@rapport/server/testing/mail-client.ts';
import { startTestSmtpServer, type TestSmtpServer } from '@rapport/server/testing/smtp.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

const MANAGER = { email: 'mia@brand.example', password: 'manager password 1', name: 'Mia Manager' };
const DOMAIN = 'reply.brand.example';

let stack: Stack;
let smtp: TestSmtpServer;
let inboundPort: number;
let staff: GraphQLClient;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  inboundPort = await freePort();
  stack = await startStack({
    env: {
      SMTP_URL: smtp.url,
      MAIL_INTERVAL_MS: '100',
      INBOUND_SMTP_PORT: String(inboundPort),
      INBOUND_EMAIL_DOMAIN: DOMAIN,
    },
  });
  await stack.addStaff(MANAGER, 'manager');
  staff = await stack.staff();
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

const emailsTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));

/** A customer signed in to the brand's site in a browser of her own, on the brand's app. */
async function customerBrowser(sub: string, path = '/app/community?tab=ideas'): Promise<Page> {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.host.url}/login/${sub}?next=${encodeURIComponent(path)}`);
  await page.getByRole('heading', { name: 'Brand for e2e' }).waitFor();
  await page.getByText(`Posting as Customer ${sub}`).waitFor();
  return page;
}

it('closes the loop for who asked, by email and live, and tells nobody who withdrew consent', async () => {
  // The brand's community page, where its emails lead.
  const manager = await stack.signInToConsole(MANAGER);
  await manager.page.goto(`${stack.server.url}/admin/settings`);
  await manager.page.getByLabel('Community page').fill(`${stack.host.url}/app/community?tab=ideas`);
  await manager.page.getByRole('region', { name: 'Roadmap and emails' }).getByRole('button', { name: 'Save' }).click();
  await manager.page.getByRole('region', { name: 'Roadmap and emails' }).getByText('Saved.').waitFor();

  const { postThread } = await staff.data(
    'mutation { postThread(input: { kind: IDEA, title: "Offline trail maps" }) { id } }',
  );
  const ideaId = postThread.id as string;

  // Bo votes too, then turns thread emails off in the widget's account panel.
  const bo = await customerBrowser('bo');
  await bo.getByRole('button', { name: 'Vote for “Offline trail maps”' }).click();
  await bo.getByRole('button', { name: 'Vote for “Offline trail maps”', pressed: true }).waitFor();
  await bo.getByRole('button', { name: /Your account/ }).click();
  const threadEmails = bo.getByRole('checkbox', { name: /Email me about the threads I posted/ });
  await threadEmails.uncheck();
  await bo.getByText('Saved.').waitFor();

  // 1. Ada, signed in on the brand's app, votes for the idea.
  const ada = await customerBrowser('ada');
  await ada.getByRole('button', { name: 'Vote for “Offline trail maps”' }).click();
  await ada.getByRole('button', { name: 'Vote for “Offline trail maps”', pressed: true }).waitFor();
  await ada.getByRole('button', { name: 'Offline trail maps', exact: true }).click();
  await ada.getByRole('heading', { name: 'Offline trail maps' }).waitFor();

  // 2. Staff write and publish a What's new entry in the console that ships it.
  const desk = await stack.signInToConsole({ email: 'sam@brand.example', password: 'staff password 1' });
  await desk.page.goto(`${stack.server.url}/admin/whats-new/new`);
  await desk.page.getByLabel('Title').fill('Maps now work offline');
  await desk.page.getByLabel('Text').fill('Download a region and go. **No signal needed.**');
  await desk.page.getByLabel('Find a thread to add').fill('trail maps');
  await desk.page.getByRole('button', { name: 'Add “Offline trail maps” to this entry' }).click();
  await desk.page.getByRole('button', { name: 'Publish now' }).click();
  await desk.page.getByText('Published:', { exact: false }).first().waitFor();

  // 3. Ada sees it live in the widget (the status changes, her badge appears) ...
  await ada.getByText('Shipped in “Maps now work offline”').waitFor();
  await ada.getByRole('button', { name: 'Your account: 1 new notification' }).waitFor();
  // ... and gets an HTML email, in the brand's name, that links back to the brand's page.
  await expect.poll(() => emailsTo('ada@customer.example').length, { timeout: 15_000 }).toBe(1);
  const [email] = emailsTo('ada@customer.example');
  const parsed = email?.parsed;
  expect(parsed?.subject).toBe("What's new at Brand for e2e: Maps now work offline");
  expect(parsed?.from?.value[0]?.name).toBe('Brand for e2e via Rapport');
  expect(parsed?.html).toContain('<strong>No signal needed.</strong>');
  expect(parsed?.text).toContain('Offline trail maps');
  const replyTo = parsed?.replyTo?.value[0]?.address ?? '';
  expect(replyTo).toMatch(new RegExp(`^reply\\+[a-z2-7]{26}@${DOMAIN.replaceAll('.', '\\.')}$`));
  const link = /href="([^"]+rapport=thread-[^"]+)"/.exec(String(parsed?.html))?.[1]?.replaceAll('&amp;', '&') ?? '';
  expect(link.startsWith(`${stack.host.url}/app/community?tab=ideas&rapport=thread-`)).toBe(true);

  // 4. The link opens the thread on the brand's page, the page's own routing untouched.
  const fromEmail = await ada.context().newPage();
  await fromEmail.goto(link);
  await fromEmail.getByRole('heading', { name: 'Offline trail maps' }).waitFor();
  await expect.poll(() => fromEmail.locator('#host-view').textContent()).toContain('Host page: /app/community');
  // Back in the widget leaves the brand's app where it was, and its own navigation still works.
  await fromEmail.getByRole('button', { name: 'Back to all posts' }).click();
  expect(new URL(fromEmail.url()).searchParams.get('tab')).toBe('ideas');
  await fromEmail.getByRole('link', { name: 'About us' }).click();
  await expect.poll(() => fromEmail.locator('#host-view').textContent()).toContain('/app/about');
  expect(new URL(fromEmail.url()).pathname).toBe('/app/about');

  // The console shows the thread as staff see it, live.
  await desk.page.goto(`${stack.server.url}/admin/threads/${encodeURIComponent(ideaId)}`);
  await desk.page.getByRole('heading', { name: 'Offline trail maps' }).waitFor();

  // 5. Ada answers the email.
  await sendMail(inboundPort, {
    from: 'ada@customer.example',
    to: replyTo,
    text: 'Tried it on the trail today: works perfectly!\n\nOn Fri, Brand for e2e wrote:\n> Maps now work offline',
    messageId: '<ada-answer@customer.example>',
  });

  // 6. Her answer appears live in the widget and in the console, as hers.
  await ada.getByText('Tried it on the trail today: works perfectly!').waitFor();
  await desk.page.getByText('Tried it on the trail today: works perfectly!').waitFor();
  expect(await desk.page.locator('ol.replies li').filter({ hasText: 'works perfectly' }).textContent()).toContain(
    'Customer ada',
  );
  // The quoted history was left out.
  expect(await ada.locator('rapport-thread-view').textContent()).not.toContain('> Maps now work offline');

  // Bo, who withdrew consent, got nothing (the outbox is drained by now: Ada's email went out).
  expect(emailsTo('bo@customer.example')).toEqual([]);
});
