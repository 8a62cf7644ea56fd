/**
 * The brand asks first, end to end (CI runs it on SQLite, and on PostgreSQL + Redis): the brand's
 * backend sets its customers' attributes with an API key; a manager saves the segment "Enterprise
 * ambassadors" in the console; staff ask it a poll there; only its members see the poll on the
 * brand's page, and only those who agreed to be contacted get the email; they answer; staff read
 * the results by segment, and the Demand page ranks ideas by the revenue of their voters.
 */
import { ssoToken } from '@rapport/server/testing/fixtures.ts';
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { startTestSmtpServer, type TestSmtpServer } from '@rapport/server/testing/smtp.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

const MANAGER = { email: 'mia@brand.example', password: 'manager password 1', name: 'Mia Manager' };
const CUSTOMERS = [
  {
    externalId: 'ent_ada',
    name: 'Customer ent_ada',
    email: 'ent_ada@customer.example',
    attributes: { plan: 'enterprise', mrr: 900 },
  },
  {
    externalId: 'ent_bo',
    name: 'Customer ent_bo',
    email: 'ent_bo@customer.example',
    attributes: { plan: 'enterprise', mrr: 500 },
  },
  {
    externalId: 'pro_cy',
    name: 'Customer pro_cy',
    email: 'pro_cy@customer.example',
    attributes: { plan: 'pro', mrr: 50 },
  },
];

let stack: Stack;
let smtp: TestSmtpServer;
let manager: GraphQLClient;

/** What a customer's own browser session does through the API (their SSO token). */
async function asCustomer(sub: string, query: string, variables: Record<string, unknown> = {}) {
  const token = await ssoToken(stack.community, { sub, name: `Customer ${sub}`, email: `${sub}@customer.example` });
  return new GraphQLClient(`${stack.server.url}/graphql`).data(query, { token, variables });
}

/** A customer signed in to the brand's site in a browser of her own. */
async function customerBrowser(sub: string): Promise<Page> {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.host.url}/login/${sub}?next=${encodeURIComponent('/app/community')}`);
  await page.getByText(`Posting as Customer ${sub}`).waitFor();
  return page;
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ env: { SMTP_URL: smtp.url, MAIL_INTERVAL_MS: '100' } });
  await stack.addStaff(MANAGER, 'manager');
  manager = new GraphQLClient(`${stack.server.url}/graphql`);
  await manager.data(
    'mutation ($e: String!, $p: String!) { staffSignIn(community: "e2e", email: $e, password: $p) { kind } }',
    { variables: { e: MANAGER.email, p: MANAGER.password } },
  );
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

it('asks a segment a poll: only its members see it, consent decides the email, results by segment', async () => {
  // 1. The brand's backend, with a key a manager made, tells Rapport who its customers are.
  const { createApiKey } = await manager.data(
    'mutation { createApiKey(name: "CRM sync", scopes: [WRITE_MEMBERS]) { key } }',
  );
  const backend = new GraphQLClient(`${stack.server.url}/graphql`);
  const upserted = await backend.data(
    'mutation ($m: [MemberUpsertInput!]!) { upsertMembers(members: $m) { id displayName } }',
    { token: createApiKey.key, variables: { m: CUSTOMERS } },
  );
  const ids = Object.fromEntries(
    (upserted.upsertMembers as { id: string; displayName: string }[]).map((m) => [m.displayName, m.id]),
  );
  for (const name of ['Customer ent_ada', 'Customer ent_bo', 'Customer pro_cy']) {
    await manager.data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Helps everyone") { id } }', {
      variables: { m: ids[name] },
    });
  }
  // Ada agreed to be contacted by staff; Bo did not.
  await asCustomer('ent_ada', 'mutation { setConsent(purpose: STAFF_CONTACT, granted: true) { granted } }');
  // Ideas with voters of different revenue, for Demand.
  const idea = async (title: string) =>
    (
      await asCustomer('pro_cy', 'mutation ($t: String!) { postThread(input: { kind: IDEA, title: $t }) { id } }', {
        t: title,
      })
    ).postThread.id as string;
  const sso = await idea('SAML sign-in');
  const dark = await idea('Dark mode');
  await asCustomer('ent_ada', 'mutation ($t: ID!) { vote(threadId: $t) { id } }', { t: sso });
  await asCustomer('ent_bo', 'mutation ($t: ID!) { vote(threadId: $t) { id } }', { t: dark });
  await asCustomer('pro_cy', 'mutation ($t: ID!) { vote(threadId: $t) { id } }', { t: dark });

  // 2. The manager saves the segment in the console.
  const desk = await stack.signInToConsole(MANAGER);
  const page = desk.page;
  await page.getByRole('link', { name: 'Segments' }).click();
  await page.locator('#segment-name').fill('Enterprise ambassadors');
  await page.getByLabel('Attribute 1').fill('plan');
  await page.getByLabel('Value 1').fill('enterprise');
  await page.locator('#segment-standing').selectOption('AMBASSADORS');
  await page.getByText('2 members', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Save segment' }).click();
  await page.getByRole('heading', { name: 'Enterprise ambassadors', level: 3 }).waitFor();

  // 3. Staff ask that segment a poll.
  await page.getByRole('link', { name: 'Asks' }).click();
  await page.locator('#ask-question').fill('Would you pay for offline maps?');
  await page.locator('#ask-choices').fill('Yes\nMaybe\nNo');
  await page.locator('#ask-segment').selectOption({ label: 'Enterprise ambassadors' });
  await page.getByRole('button', { name: 'Save as a draft' }).click();
  await page.getByRole('button', { name: 'Publish: ask them now' }).click();
  await page.getByText('0 answers from 2 members asked.').waitFor();

  // 4. Only the segment's members see it; only Ada (who agreed) is emailed.
  const cy = await customerBrowser('pro_cy');
  await cy.getByRole('button', { name: 'SAML sign-in', exact: true }).waitFor();
  // Time for the cards' chunk and their question to come, if they were to.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await cy.getByText('Would you pay for offline maps?').count()).toBe(0);
  const [mail] = await smtp.waitFor(1, 15_000);
  expect(mail?.envelopeTo).toEqual(['ent_ada@customer.example']);
  expect(mail?.parsed.subject).toContain('Would you pay for offline maps?');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(smtp.received.flatMap((m) => m.envelopeTo)).toEqual(['ent_ada@customer.example']);

  // 5. They answer, on the brand's page.
  for (const [sub, choice] of [
    ['ent_ada', 'Yes'],
    ['ent_bo', 'Maybe'],
  ] as const) {
    const customer = await customerBrowser(sub);
    const card = customer.locator('rapport-ask-cards form.card');
    await card.getByRole('heading', { name: 'Would you pay for offline maps?' }).waitFor();
    await card.getByText('Mia Manager').waitFor();
    await card.getByRole('radio', { name: choice }).check();
    await card.getByRole('button', { name: 'Send my answer' }).click();
    await card.getByText('Thank you: your answer was sent.').waitFor();
  }

  // 6. Staff read the results by segment, live, and Demand ranks ideas by their voters' revenue.
  await page.getByRole('checkbox', { name: 'Enterprise ambassadors' }).check();
  const row = page.locator('admin-ask table.results tbody tr', { hasText: 'Enterprise ambassadors' });
  await expect.poll(() => row.locator('td').allTextContents()).toEqual(['2', '1 (50%)', '1 (50%)', '0 (0%)']);
  await page.getByRole('link', { name: 'Demand' }).click();
  await page.locator('#demand-order').selectOption('WEIGHT');
  await page.locator('#demand-weight').fill('mrr');
  const titles = () => page.locator('admin-demand table.ideas tbody tr td:first-child a').allTextContents();
  await expect.poll(titles).toEqual(['SAML sign-in', 'Dark mode']);
  expect(desk.problems).toEqual([]);
}, 120_000);
