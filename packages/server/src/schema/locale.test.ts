/**
 * Who reads which language: a member's comes from the brand's token (`locale` claim) or the widget
 * (`setMyLocale`), a staff member's from their profile, a community's default from its settings;
 * unknown languages are refused with the list of shipped ones. What the server writes for a member
 * (consent texts here; emails in notifications.test.ts) follows theirs.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, signInStaff, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let manager: GraphQLClient;

const german: Record<string, string> = JSON.parse(
  readFileSync(new URL('../i18n/messages/de.json', import.meta.url), 'utf8'),
);
const VIEWER = '{ viewer { locale consents { purpose text } } }';

beforeAll(async () => {
  server = await startTestServer({ backgroundJobs: false });
  brand = await createTestCommunity(server.em());
  api = server.client();
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

describe("a member's language", () => {
  it("comes from the token's locale claim, matched to a shipped locale, and stays when a token says none", async () => {
    const first = await ssoToken(brand, { sub: 'anna', name: 'Anna', locale: 'de-AT' });
    const viewer = (await api.data(VIEWER, { token: first })).viewer;
    expect(viewer.locale).toBe('de');
    const consent = viewer.consents.find((c: { purpose: string }) => c.purpose === 'PRODUCT_UPDATES');
    expect(consent.text).toBe(german['consent.PRODUCT_UPDATES']);
    // A later token without the claim, or with a language not shipped, changes nothing.
    for (const claims of [{}, { locale: 'tlh' }]) {
      const token = await ssoToken(brand, { sub: 'anna', name: 'Anna', ...claims });
      expect((await api.data(VIEWER, { token })).viewer.locale).toBe('de');
    }
  });

  it('records the consent text the customer read, in their language', async () => {
    const token = await ssoToken(brand, { sub: 'dieter', name: 'Dieter', locale: 'de' });
    await api.data('mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }', { token });
    const { id } = (await api.data('{ viewer { member { id } } }', { token })).viewer.member;
    const history = await manager.data(
      `query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { consentHistory { textShown } } } }`,
      { variables: { s: brand.slug, id } },
    );
    expect(history.community.member.consentHistory.map((c: { textShown: string }) => c.textShown)).toContain(
      german['consent.PRODUCT_UPDATES'],
    );
  });

  it('is set by the widget, and a language not shipped is refused with the list', async () => {
    const token = await ssoToken(brand, { sub: 'ben', name: 'Ben' });
    expect((await api.data(VIEWER, { token })).viewer.locale).toBeNull();
    expect((await api.data('mutation { setMyLocale(locale: "pt") }', { token })).setMyLocale).toBe('pt-BR');
    expect((await api.data(VIEWER, { token })).viewer.locale).toBe('pt-BR');
    const refused = await api.error('mutation { setMyLocale(locale: "tlh") }', { token });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
    expect(refused.message).toContain('en, de, fr');
  });

  it("falls back to the community's default language, which managers set", async () => {
    const token = await ssoToken(brand, { sub: 'cy', name: 'Cy' });
    const text = async () =>
      (await api.data(VIEWER, { token })).viewer.consents.find(
        (c: { purpose: string }) => c.purpose === 'STAFF_CONTACT',
      ).text;
    expect(await text()).toBe('The team may contact me directly about my feedback.');
    await manager.data('mutation { updateCommunity(input: { defaultLocale: "de" }) { defaultLocale } }');
    expect(await text()).toBe(german['consent.STAFF_CONTACT']);
    expect((await api.data(`{ community(slug: "${brand.slug}") { defaultLocale } }`)).community.defaultLocale).toBe(
      'de',
    );
    const refused = await manager.error('mutation { updateCommunity(input: { defaultLocale: "xx" }) { id } }');
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'defaultLocale' });
    await manager.data('mutation { updateCommunity(input: { defaultLocale: "en" }) { id } }');
  });
});

describe("a staff member's language", () => {
  it('is theirs to choose in their profile, or to leave to the browser', async () => {
    const me = async () => (await manager.data('{ viewer { locale staff { locale } } }')).viewer;
    expect(await me()).toEqual({ locale: null, staff: { locale: null } });
    await manager.data('mutation { updateMyProfile(input: { locale: "ja" }) { locale } }');
    expect(await me()).toEqual({ locale: 'ja', staff: { locale: 'ja' } });
    const refused = await manager.error('mutation { updateMyProfile(input: { locale: "xx" }) { id } }');
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
    await manager.data('mutation { updateMyProfile(input: { locale: "" }) { locale } }');
    expect((await me()).locale).toBeNull();
  });
});
