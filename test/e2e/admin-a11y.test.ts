/**
 * The admin console for everyone: no serious axe violations on any screen (light and dark, with
 * data and with errors shown), and a staff member's day by keyboard alone.
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { STAFF, type Stack, startStack } from './stack.ts';

let stack: Stack;
const MANAGER = { email: 'mia@brand.example', password: 'manager password 1', name: 'Mia Manager' };

beforeAll(async () => {
  stack = await startStack();
  await stack.addStaff(MANAGER, 'manager');
  const guest = new GraphQLClient(`${stack.server.url}/graphql`);
  const { startGuestSession } = await guest.data(
    'mutation ($c: String!) { startGuestSession(community: $c, displayName: "Gus Guest") { token } }',
    { variables: { c: stack.community.slug } },
  );
  const token = startGuestSession.token;
  const { postThread } = await guest.data(
    'mutation { postThread(input: { kind: IDEA, title: "Bulk discounts", body: "For teams of ten or more." }) { id } }',
    { token },
  );
  const reporter = await guest.data(
    'mutation ($c: String!) { startGuestSession(community: $c, displayName: "Rita Reporter") { token } }',
    { variables: { c: stack.community.slug } },
  );
  await guest.data('mutation ($i: ReportInput!) { reportContent(input: $i) { id } }', {
    token: reporter.startGuestSession.token,
    variables: { i: { threadId: postThread.id, reason: 'Testing the queue' } },
  });
  const staff = await stack.staff();
  await staff.data(
    'mutation ($id: ID!) { setThreadStatus(input: { threadId: $id, status: UNDER_REVIEW, note: "Looking" }) { id } }',
    {
      variables: { id: postThread.id },
    },
  );
  // A status note answers the customer; their question after it puts the thread back in the inbox.
  await guest.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token,
    variables: { i: { threadId: postThread.id, body: 'Any news on this?' } },
  });
});
afterAll(() => stack?.close());

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${stack.server.url}/admin`);
  await page.getByLabel('Community', { exact: true }).fill(stack.community.slug);
  await page.getByLabel('E-mail', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

it('has no serious or critical axe violations on any screen, light or dark', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await stack.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${stack.server.url}/admin`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await seriousViolations(page), `sign-in (${colorScheme})`).toEqual([]);
    await signIn(page, MANAGER);
    await page.getByRole('link', { name: 'Bulk discounts' }).waitFor();
    expect(await seriousViolations(page), `inbox (${colorScheme})`).toEqual([]);
    await page.getByRole('link', { name: 'Bulk discounts' }).click();
    await page.getByRole('heading', { name: 'Gus Guest' }).waitFor();
    await page.getByLabel('Your reply').fill('Preview me');
    await page.getByRole('button', { name: 'Hide' }).first().click();
    expect(await seriousViolations(page), `thread (${colorScheme})`).toEqual([]);
    const screens: [string, string][] = [
      ['Members', 'Gus Guest'],
      ['Moderation', 'Testing the queue'],
      ['Staff', 'Mia Manager'],
      ['Settings', 'Embed code'],
      ['Audit log', 'thread.status'],
      ['Ambassadors', 'Gus Guest'],
      ['Pulse', 'The numbers'],
      ['Handovers', 'Nobody has handed over their work yet.'],
      ['My profile', 'Customers see this next to your replies:'],
    ];
    for (const [link, shows] of screens) {
      await page.getByRole('navigation').getByRole('link', { name: link }).click();
      await page.getByText(shows).first().waitFor();
      expect(await seriousViolations(page), `${link} (${colorScheme})`).toEqual([]);
    }
    // A member's score breakdown beside the ranking.
    await page.getByRole('navigation').getByRole('link', { name: 'Ambassadors' }).click();
    await page.getByRole('button', { name: 'Why Gus Guest ranks here' }).click();
    await page.getByRole('region', { name: 'Why Gus Guest ranks here' }).getByText('What counts most today').waitFor();
    expect(await seriousViolations(page), `breakdown (${colorScheme})`).toEqual([]);
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Gus Guest' }).click();
    await page.getByRole('heading', { name: 'Gus Guest', level: 1 }).waitFor();
    expect(await seriousViolations(page), `member (${colorScheme})`).toEqual([]);
    await context.close();
  }
});

it('lets staff work by keyboard alone: sign in, open a waiting thread, reply, go back to the inbox', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  /** The element with the keyboard focus, through shadow roots, described. */
  const focused = () =>
    page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return `${active?.tagName.toLowerCase()} ${active?.getAttribute('id') ?? ''} ${active?.textContent?.trim() ?? ''}`;
    });
  const tabTo = async (pattern: RegExp) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (pattern.test(await focused())) return;
    }
    throw new Error(`Tab never reached ${pattern}; focus is on ${await focused()}`);
  };

  await page.goto(`${stack.server.url}/admin`);
  await tabTo(/^input community/);
  await page.keyboard.type(stack.community.slug);
  await page.keyboard.press('Tab');
  await page.keyboard.type(STAFF.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(STAFF.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();

  await tabTo(/^a .*Bulk discounts/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Bulk discounts', level: 1 }).waitFor();
  await tabTo(/^textarea reply/);
  await page.keyboard.type('Thanks Gus, we are looking into team pricing.');
  await tabTo(/^button.*Send reply/);
  await page.keyboard.press('Enter');
  await page
    .getByRole('list', { name: 'Conversation' })
    .getByText('Thanks Gus, we are looking into team pricing.')
    .waitFor();

  await tabTo(/^a .*← Inbox/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});
