/**
 * The brand owns the relationship, end to end: the server as its own process sending email
 * through a real SMTP server process, Chromium on the brand's page and in the console, a local
 * HTTP receiver for webhooks. Followed threads bring emails; the unsubscribe link and the widget's
 * settings stop the next one; a member downloads their data and deletes their account, erased
 * once the grace period is over; a clean-up erases exactly whom its preview showed; a webhook
 * added in the console receives signed deliveries.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endGracePeriods, letMembersGoQuiet } from '@rapport/server/testing/grace.ts';
import type { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { startTestSmtpServer, type TestSmtpServer } from '@rapport/server/testing/smtp.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

const MANAGER = { email: 'mia@brand.example', password: 'manager password 1', name: 'Mia Manager' };

let stack: Stack;
let smtp: TestSmtpServer;
let staff: GraphQLClient;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({
    // The webhook receiver runs on this machine, an address production refuses (SECURITY.md).
    env: { SMTP_URL: smtp.url, MAIL_INTERVAL_MS: '100', ERASURE_INTERVAL_MS: '200', WEBHOOK_ALLOW_PRIVATE: 'true' },
  });
  await stack.addStaff(MANAGER, 'manager');
  staff = await stack.staff();
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

const emailsTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));

/** Waits for an email to `address` beyond the `already` it had; returns its text. */
async function nextEmailTo(address: string, already: number): Promise<string> {
  await expect.poll(() => emailsTo(address).length, { timeout: 15_000 }).toBeGreaterThan(already);
  return emailsTo(address)[already]?.parsed.text ?? '';
}

const threadId = async (title: string) => {
  const data = await staff.data(
    'query ($s: String!) { community(slug: $s) { threads(first: 50) { edges { node { id title } } } } }',
    { variables: { s: stack.community.slug } },
  );
  return data.community.threads.edges.find((e: { node: { title: string } }) => e.node.title === title)?.node.id;
};
const staffReply = async (title: string, body: string) =>
  staff.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    variables: { i: { threadId: await threadId(title), body } },
  });

/** A signed-in customer posts a thread in the widget (and so follows it). */
const customerPosts = async (sub: string, title: string) => (await stack.post(`/signed-in/${sub}`, title)).page;

/**
 * Proves an email was not sent: another follower's copy of the same event arrives (the mailer
 * has handled the event), then two more mailer rounds pass with nothing for `address`.
 */
async function expectNoEmailTo(address: string, had: number, witness: string, witnessHad: number) {
  await nextEmailTo(witness, witnessHad);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(emailsTo(address)).toHaveLength(had);
}

/** Opens the customer's account panel in the widget. */
async function openAccount(page: Page) {
  await page.getByRole('button', { name: /Your account/ }).click();
  await page.getByRole('heading', { name: 'Your account', exact: true }).waitFor();
}

const THREAD_EMAILS =
  'Email me about the threads I posted, voted for or follow: replies, status changes and what shipped.';

describe('emails about followed threads', () => {
  it('emails a reply on a followed thread; the unsubscribe link, opened in the browser, stops the next one', async () => {
    const kim = 'kim@customer.example';
    const page = await customerPosts('kim', 'Trail shoes run small');
    // A second follower, whose emails show when the mailer has handled an event.
    const { page: lee } = await stack.open('/signed-in/lee');
    await lee.getByRole('button', { name: 'Trail shoes run small', exact: true }).click();
    await lee.getByRole('button', { name: /^Follow/ }).click();
    await expect.poll(() => lee.getByRole('button', { name: /^Follow/ }).getAttribute('aria-pressed')).toBe('true');

    await staffReply('Trail shoes run small', 'Order half a size up; we are fixing the size chart.');
    const text = await nextEmailTo(kim, 0);
    expect(text).toContain('Order half a size up');
    expect(text).toContain('Sam Support');
    const link = /https?:\/\/\S+\/unsubscribe\?token=\S+/.exec(text)?.[0];
    expect(link).toBeDefined();

    const unsubscribe = await stack.browser.newPage();
    await unsubscribe.goto(link as string);
    await unsubscribe.getByRole('heading', { name: 'Stop these emails?' }).waitFor();
    await unsubscribe.getByRole('button', { name: 'Unsubscribe' }).click();
    await unsubscribe.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    await unsubscribe.close();

    const leeHad = emailsTo('lee@customer.example').length;
    await staffReply('Trail shoes run small', 'The new size chart is live.');
    await expectNoEmailTo(kim, 1, 'lee@customer.example', leeHad);

    // Kim sees the choice turned off in her settings, and can turn it on again there.
    await page.reload();
    await page.getByRole('heading', { name: /Brand for e2e/ }).waitFor();
    await openAccount(page);
    expect(await page.getByRole('checkbox', { name: THREAD_EMAILS }).isChecked()).toBe(false);
    await page.close();
    await lee.close();
  });

  it("stops the next email as soon as the member turns emails off in the widget's account panel", async () => {
    const mo = 'mo@customer.example';
    const page = await customerPosts('mo', 'Tent pole snapped');
    const { page: witness } = await stack.open('/signed-in/wes');
    await witness.getByRole('button', { name: 'Tent pole snapped', exact: true }).click();
    await witness.getByRole('button', { name: /^Follow/ }).click();
    await expect.poll(() => witness.getByRole('button', { name: /^Follow/ }).getAttribute('aria-pressed')).toBe('true');

    await staffReply('Tent pole snapped', 'Send us a photo and we will send a new pole.');
    expect(await nextEmailTo(mo, 0)).toContain('Send us a photo');

    await openAccount(page);
    const choice = page.getByRole('checkbox', { name: THREAD_EMAILS });
    expect(await choice.isChecked()).toBe(true);
    await choice.uncheck();
    await page.getByText('Saved.').waitFor();

    const witnessHad = emailsTo('wes@customer.example').length;
    await staffReply('Tent pole snapped', 'The new pole is on its way.');
    await expectNoEmailTo(mo, 1, 'wes@customer.example', witnessHad);
    await page.close();
    await witness.close();
  });
});

describe("people's own data", () => {
  it('a member downloads their data, deletes their account, and is erased when the grace period ends', async () => {
    const page = await customerPosts('zoe', 'Lost my parcel');
    await openAccount(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    const data = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(data.member).toMatchObject({ displayName: 'Customer zoe', email: 'zoe@customer.example' });
    expect(JSON.stringify(data.threads)).toContain('Lost my parcel');

    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('button', { name: 'Yes, delete my account' }).click();
    await page.getByText(/Your account will be erased on/).waitFor();
    await page.close();

    // A week later (the test moves the due date), the server's job erases her.
    expect(await endGracePeriods(stack.database.url)).toBe(1);
    const { page: visitor } = await stack.open('/');
    const thread = visitor.locator('rapport-thread-view');
    await expect
      .poll(
        async () => {
          await visitor.reload();
          await visitor.getByRole('button', { name: 'Lost my parcel', exact: true }).click();
          await visitor.getByRole('heading', { name: 'Lost my parcel' }).waitFor();
          return thread.getByText('Deleted member').count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    expect(await thread.getByText('Customer zoe').count()).toBe(0);
    await visitor.close();
  });
});

/** The console, signed in as the manager. */
const openConsole = async () => (await stack.signInToConsole(MANAGER)).page;

describe('in the console', () => {
  it('a clean-up erases exactly the members its preview showed', async () => {
    const page = await openConsole();
    await page.getByRole('link', { name: 'Members' }).click();
    const panel = page.getByRole('region', { name: 'Clean-up' });
    await panel.getByLabel('Rule').selectOption('UNSUBSCRIBED');
    // Kim and Mo turned emails off minutes ago, but they took part: that is not leaving.
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByText('Nobody matches this rule.').waitFor();
    // Three months later, without a visit or a post:
    await letMembersGoQuiet(stack.database.url, 100);
    await panel.getByRole('button', { name: 'Preview' }).click();
    await panel.getByText('2 members match:').waitFor();
    expect(await panel.getByRole('listitem').first().textContent()).toContain('Turned off emails');
    const previewed = (await panel.getByRole('listitem').allTextContents())
      .map((t) => /^Customer \w+/.exec(t.trim())?.[0])
      .sort();
    expect(previewed).toEqual(['Customer kim', 'Customer mo']);
    await panel.getByRole('button', { name: 'Erase these 2 members after the grace period' }).click();
    await panel.getByText(/2 members are erased/).waitFor();

    expect(await endGracePeriods(stack.database.url)).toBe(2);
    const names = async () => {
      const data = await staff.data(
        'query ($s: String!) { community(slug: $s) { threads(first: 50) { edges { node { title author { displayName } } } } } }',
        { variables: { s: stack.community.slug } },
      );
      return Object.fromEntries(
        data.community.threads.edges.map((e: { node: { title: string; author: { displayName: string } } }) => [
          e.node.title,
          e.node.author.displayName,
        ]),
      );
    };
    await expect.poll(names, { timeout: 15_000 }).toMatchObject({
      'Trail shoes run small': 'Deleted member',
      'Tent pole snapped': 'Deleted member',
    });
    // Nobody else: the followers who kept their emails are untouched.
    const members = await staff.data(
      'query ($s: String!) { community(slug: $s) { members(first: 50) { edges { node { displayName } } } } }',
      { variables: { s: stack.community.slug } },
    );
    const left = members.community.members.edges.map((e: { node: { displayName: string } }) => e.node.displayName);
    expect(left).toEqual(expect.arrayContaining(['Customer lee', 'Customer wes']));
    expect(left).not.toEqual(expect.arrayContaining(['Customer kim']));
    expect(left).not.toEqual(expect.arrayContaining(['Customer mo']));
    await page.context().close();
  });

  it('a webhook added in Settings receives a signed delivery when a customer posts', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rapport`;
      const page = await openConsole();
      await page.getByRole('link', { name: 'Settings' }).click();
      const form = page.getByRole('form', { name: 'Add webhook' });
      await form.getByLabel('Endpoint URL').fill(url);
      await form.getByLabel('New thread').check();
      await form.getByRole('button', { name: 'Add webhook' }).click();
      const secret = (await page.locator('code.webhook-secret').textContent())?.trim();
      expect(secret).toBeTruthy();

      const customer = await customerPosts('una', 'Gift wrapping please');
      await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(0);
      const delivery = received[0] as { headers: IncomingHttpHeaders; body: string };
      expect(delivery.headers['x-rapport-event']).toBe('thread.created');
      const expected = createHmac('sha256', secret as string)
        .update(`${delivery.headers['x-rapport-timestamp']}.${delivery.body}`)
        .digest('hex');
      expect(delivery.headers['x-rapport-signature']).toBe(`sha256=${expected}`);
      expect(JSON.parse(delivery.body)).toMatchObject({
        event: 'thread.created',
        community: stack.community.slug,
        data: { title: 'Gift wrapping please' },
      });
      // The delivery log in the console shows it.
      await page.reload();
      await page
        .getByRole('region', { name: url })
        .getByText(/delivered, 1 attempt, answered 204/)
        .waitFor();
      await customer.close();
      await page.context().close();
    } finally {
      receiver.close();
    }
  });
});
