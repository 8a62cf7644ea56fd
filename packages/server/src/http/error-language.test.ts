/**
 * Errors meant for people come in the language the request asks for (the widget and the console
 * send the one they show); errors only a developer meets stay in English.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { say } from '../i18n/say.ts';
import { createTestCommunity, guestToken, signInStaff, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  token = await guestToken(server.client(), brand.slug);
});
afterAll(() => server?.close());

const POST = 'mutation ($input: PostThreadInput!) { postThread(input: $input) { id } }';
const tooShort = (language?: string) =>
  server.client().error(POST, {
    token,
    variables: { input: { kind: 'IDEA', title: 'ab' } },
    ...(language ? { headers: { 'accept-language': language } } : {}),
  });
const shortTitle = { label: { id: 'label.Title' as const }, min: 3 };

it('says a refusal in the language asked for, with the field named in it too', async () => {
  const english = await tooShort();
  expect(english).toEqual({ code: 'BAD_USER_INPUT', field: 'title', message: 'Title must be at least 3 characters.' });
  for (const locale of ['de', 'pl', 'ar', 'ja'] as const) {
    const said = await tooShort(locale);
    expect(said.code).toBe('BAD_USER_INPUT');
    expect(said.field).toBe('title');
    expect(said.message).toBe(say(locale, 'error.text.short', shortTitle));
    expect(said.message).not.toBe(english.message);
    expect(said.message).not.toContain('Title');
  }
});

it('follows Accept-Language as browsers send it: regions, weights, and English for the unknown', async () => {
  expect((await tooShort('de-AT')).message).toBe(say('de', 'error.text.short', shortTitle));
  expect((await tooShort('sw, fr;q=0.8, de;q=0.9')).message).toBe(say('de', 'error.text.short', shortTitle));
  expect((await tooShort('sw')).message).toBe('Title must be at least 3 characters.');
});

it('says errors raised before any resolver runs (a sign-in token refused) in that language too', async () => {
  const expired = await ssoToken(brand, { sub: 'late', name: 'Late', expiresIn: -3600 });
  const error = await server.client().error('{ viewer { kind } }', {
    token: expired,
    headers: { 'accept-language': 'fr' },
  });
  expect(error.code).toBe('UNAUTHENTICATED');
  expect(error.message).toBe(say('fr', 'error.sso.expired'));
  expect(error.message).not.toBe(say('en', 'error.sso.expired'));
});

it('says a staff member’s refusal in theirs, numbers and nested words included', async () => {
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.manager);
  const unreadable = (language: string) =>
    staff.error('mutation ($i: UpdateCommunityInput!) { updateCommunity(input: $i) { slug } }', {
      variables: { i: { theme: [{ property: '--rapport-bg-dark', value: '#f0f0f0' }] } },
      headers: { 'accept-language': language },
    });
  const english = await unreadable('en');
  expect(english.field).toBe('theme.--rapport-bg-dark');
  expect(english.message).toMatch(/^Text on the background in dark mode reaches \d+\.\d+:1; at least 4\.5:1/);
  const german = await unreadable('de');
  expect(german.field).toBe(english.field);
  // The same ratio, written the German way (a decimal comma), in a German sentence.
  const ratio = /reaches ([\d.]+):1/.exec(english.message)?.[1] ?? '';
  expect(german.message).toContain(`${ratio.replace('.', ',')}:1`);
  expect(german.message).toContain('4,5:1');
  expect(german.message).not.toContain('reaches');
});

it('keeps what only a developer meets in English', async () => {
  const error = await server.client().error(`{ community(slug: "${brand.slug}") { thread(id: "nope") { id } } }`, {
    headers: { 'accept-language': 'de' },
  });
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: '"nope" is not a valid id.' });
});
