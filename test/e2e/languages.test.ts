/**
 * A customer in her own language, end to end: the brand's server signs her in with `locale: "de"`;
 * the widget speaks German; staff answer her in the (English) console; the email she gets, and the
 * page its unsubscribe link opens, are German; so is the server's refusal of a duplicate post. Expected words come from the shipped translations.
 */
import { readFileSync } from 'node:fs';
import { startTestSmtpServer, type TestSmtpServer } from '@rapport/server/testing/smtp.ts';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STAFF, type Stack, startStack } from './stack.ts';

let stack: Stack;
let smtp: TestSmtpServer;

/** The German of a widget message, from the shipped XLIFF. */
function widgetGerman(english: string): string {
  const doc = new XMLParser({ isArray: (name) => name === 'trans-unit' }).parse(
    readFileSync(new URL('../../packages/widget/xliff/de.xlf', import.meta.url), 'utf8'),
  );
  const unit = doc.xliff.file.body['trans-unit'].find((u: { source: unknown }) => String(u.source) === english);
  if (!unit) throw new Error(`no widget message "${english}"`);
  return String(unit.target);
}

const serverGerman: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../packages/server/src/i18n/messages/de.json', import.meta.url), 'utf8'),
);

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ env: { SMTP_URL: smtp.url, MAIL_INTERVAL_MS: '100' } });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

it('speaks German to a customer whose token says de: the widget, the email and the unsubscribe page', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.host.url}/login/de_dora?next=${encodeURIComponent('/app/community?tab=ideas')}`);
  const newPost = page.getByRole('button', { name: widgetGerman('New post'), exact: true });
  await newPost.waitFor();
  expect(await page.locator('rapport-community [part=container]').getAttribute('lang')).toBe('de');

  await newPost.click();
  await page.getByLabel(widgetGerman('Title')).fill('Dunkelmodus für die App');
  await page.getByRole('button', { name: widgetGerman('Post'), exact: true }).click();
  await page.getByRole('heading', { name: 'Dunkelmodus für die App' }).waitFor();

  // The server's refusals come in her language too: the same idea twice in one day.
  await page.goto(`${stack.host.url}/app/community?tab=ideas`);
  await newPost.click();
  await page.getByLabel(widgetGerman('Title')).fill('Dunkelmodus für die App');
  await page.getByRole('button', { name: widgetGerman('Post'), exact: true }).click();
  await page.getByText(serverGerman['error.duplicateThread'] as string).waitFor();

  const { page: console } = await stack.signInToConsole(STAFF);
  await console.getByRole('link', { name: 'Dunkelmodus für die App' }).click();
  await console.getByLabel('Your reply').fill('Danke, Dora! Wir sind dran.');
  await console.getByRole('button', { name: 'Send reply' }).click();

  const [mail] = await smtp.waitFor(1, 20_000);
  expect(mail?.envelopeTo).toContain('de_dora@customer.example');
  const subject = (serverGerman['email.reply.title'] as string).replace('{title}', 'Dunkelmodus für die App');
  expect(mail?.parsed.subject).toBe(subject);
  expect(mail?.parsed.text).toContain('Danke, Dora! Wir sind dran.');
  // "Sam Support (Support Lead · Team Brand for e2e) schrieb:"
  expect(mail?.parsed.text).toContain('Sam Support (Support Lead');
  expect(mail?.parsed.text).toContain((serverGerman['email.wrote'] as string).replace('{name}', '').trim());
  const link = /<(http[^>]+\/unsubscribe\?token=[^>]+)>/.exec(
    mail?.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '',
  )?.[1];
  await page.goto(link ?? 'about:blank');
  expect(await page.locator('html').getAttribute('lang')).toBe('de');
  await page.getByRole('heading', { name: serverGerman['unsubscribe.ask.title'] }).waitFor();
  await page.getByRole('button', { name: serverGerman['unsubscribe.button'] }).click();
  await page.getByRole('heading', { name: serverGerman['unsubscribe.done.title'] }).waitFor();
  await context.close();
});
