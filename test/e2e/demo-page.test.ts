/**
 * What a new user sees after `pnpm start`: the demo page embedding the widget, under the page's own
 * strict CSP, with the seeded demo community.
 */
import { createTestDatabase, type TestDatabase } from '@rapport/server/testing/database.ts';
import { type ServerProcess, startServerProcess } from '@rapport/server/testing/process.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';

let database: TestDatabase;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess({ DATABASE_URL: database.url });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

it('shows the demo community in the widget on the demo page, with no CSP violation', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Acme Outdoor', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Offer a lighter version of the Ridge 2 tent', exact: true }).click();
  await page.getByText('A trail edition is on the roadmap for next spring.').waitFor();
  expect(await page.locator('rapport-thread-view [part=staff-badge]').first().textContent()).toBe('Staff');
  expect(problems).toEqual([]);
  await page.close();
});
