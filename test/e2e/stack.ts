import { createTestDatabase, type TestDatabase } from '@rapport/server/testing/database.ts';
import { ssoToken } from '@rapport/server/testing/fixtures.ts';
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { type ServerProcess, startServerProcess } from '@rapport/server/testing/process.ts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { type HostPage, startHostPage } from './host-page.ts';
import { rapport } from './rapport-cli.ts';

export const BRAND = 'Brand for e2e';
export const STAFF = { email: 'sam@brand.example', password: 'staff password 1', name: 'Sam Support' };

/**
 * Everything an end-to-end test needs, set up as an operator and a brand would: a fresh database,
 * a community and a staff account made with the CLI, the Rapport server as its own process, the
 * brand's page on another origin, and Chromium.
 */
export interface Stack {
  database: TestDatabase;
  server: ServerProcess;
  host: HostPage;
  browser: Browser;
  community: { slug: string; ssoSecret: string; ssoKeyId: string };
  /** Creates another staff account with the CLI, as an operator would. */
  addStaff(account: StaffAccount, role: 'owner' | 'manager' | 'staff' | 'agency'): Promise<void>;
  /** A GraphQL client signed in as the staff member. */
  staff(): Promise<GraphQLClient>;
  /** Opens a page of the brand's site; `problems` collects page errors and console errors. */
  open(path?: string): Promise<{ page: Page; problems: string[] }>;
  /** Opens the brand's page at `path` and posts a thread there through the widget; it is then open. */
  post(path: string, title: string): Promise<{ page: Page; problems: string[] }>;
  /** The admin console in a fresh browser context (its own cookies), signed in through its form. */
  signInToConsole(account: { email: string; password: string }): Promise<{ page: Page; problems: string[] }>;
  /** Restarts the server process on the same port (and database, unless `env` names another). */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface StaffAccount {
  email: string;
  name: string;
  password: string;
}

export interface StackOptions {
  /** More environment for the server process (SMTP_URL, job intervals…). */
  env?: Record<string, string>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const database = await createTestDatabase();
  let server: ServerProcess | undefined;
  let community: Stack['community'] = { slug: '', ssoSecret: '', ssoKeyId: '' };
  const signSso = (sub: string) =>
    // A sub like "de_dora" is a customer the brand says reads German (the token's locale claim).
    ssoToken(community, {
      sub,
      name: `Customer ${sub}`,
      email: `${sub}@customer.example`,
      locale: /^([a-z]{2})_/.exec(sub)?.[1],
    });
  const host = await startHostPage({
    rapportUrl: () => server?.url ?? '',
    community: () => community.slug,
    // The brand's server signs in the visitors of /signed-in/<sub>, and whoever logged in (/login/<sub>).
    ssoToken: async (path, customer) => {
      const sub = /^\/signed-in\/(\w+)/.exec(path)?.[1] ?? customer;
      return sub ? signSso(sub) : undefined;
    },
  });
  community = await rapport(
    database.url,
    'community',
    'create',
    '--slug',
    'e2e',
    '--name',
    BRAND,
    '--origin',
    host.url,
  );
  const addStaff = async (account: StaffAccount, role: string, title?: string) => {
    await rapport(
      database.url,
      ...['staff', 'create', '--community', community.slug, '--email', account.email, '--name', account.name],
      ...['--role', role, ...(title ? ['--title', title] : []), '--password', account.password],
    );
  };
  await addStaff(STAFF, 'staff', 'Support Lead');
  const env = { DATABASE_URL: database.url, SEED_DEMO: 'false', RATE_LIMIT_MULTIPLIER: '100', ...options.env };
  server = await startServerProcess(env);
  const browser = await launchChromium();
  const stack: Stack = {
    database,
    server,
    host,
    browser,
    community,
    addStaff: (account, role) => addStaff(account, role),
    async staff() {
      const client = new GraphQLClient(`${stack.server.url}/graphql`);
      await client.data(
        'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
        { variables: { c: community.slug, e: STAFF.email, p: STAFF.password } },
      );
      return client;
    },
    async open(path = '/') {
      const page = await browser.newPage();
      const problems = collectProblems(page);
      await page.goto(`${host.url}${path}`);
      await page.getByRole('heading', { name: BRAND }).waitFor();
      return { page, problems };
    },
    async post(path, title) {
      const opened = await stack.open(path);
      await opened.page.getByRole('button', { name: 'New post' }).click();
      await opened.page.getByLabel('Title').fill(title);
      await opened.page.getByRole('button', { name: 'Post', exact: true }).click();
      await opened.page.getByRole('heading', { name: title }).waitFor();
      return opened;
    },
    async signInToConsole(account) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(`${stack.server.url}/admin`);
      await page.getByLabel('Community', { exact: true }).fill(community.slug);
      await page.getByLabel('E-mail', { exact: true }).fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      return { page, problems };
    },
    async restart(more = {}) {
      const port = new URL(stack.server.url).port;
      await stack.server.stop();
      stack.server = server = await startServerProcess({ ...env, ...more, PORT: port });
    },
    async close() {
      await browser.close();
      await stack.server.stop();
      await host.close();
      await database.drop();
    },
  };
  return stack;
}

/** Page errors and console errors of a page, as they happen (a favicon 404 is not one). */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('favicon')) problems.push(message.text());
  });
  return problems;
}
