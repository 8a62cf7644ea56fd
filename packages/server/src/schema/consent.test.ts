/**
 * Consent from other sources, over the API: the brand's sign-in token carries what the customer
 * agreed to on its site (recorded as SSO when it changes, once), and a manager records what a
 * customer agreed to elsewhere (ADMIN, with who recorded it). Bad claims are refused clearly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentRecord } from '../entities/index.ts';
import { ALL_COMMUNITIES, rawId, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestBrand, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let manager: GraphQLClient;

const consents = async (token: string) =>
  (await api.data('{ viewer { member { id } consents { purpose granted source } } }', { token })).viewer;

beforeAll(async () => {
  ({ server, brand, api, manager } = await startTestBrand());
});
afterAll(() => server?.close());

describe('consent from the brand and from staff', () => {
  it("records the consents in the brand's sign-in token when they change, once", async () => {
    const yes = await ssoToken(brand, { sub: 'u-1', name: 'Una', consents: { PRODUCT_UPDATES: true } });
    const viewer = await consents(yes);
    expect(viewer.consents).toEqual([
      { purpose: 'THREAD_NOTIFICATIONS', granted: true, source: null },
      { purpose: 'PRODUCT_UPDATES', granted: true, source: 'SSO' },
      { purpose: 'STAFF_CONTACT', granted: false, source: null },
    ]);
    await consents(yes); // the same claims again: nothing new
    const member = rawId(viewer.member.id);
    expect(await server.em().count(ConsentRecord, { member }, ALL_COMMUNITIES)).toBe(1);
    const no = await ssoToken(brand, { sub: 'u-1', name: 'Una', consents: { PRODUCT_UPDATES: false } });
    expect((await consents(no)).consents[1]).toEqual({ purpose: 'PRODUCT_UPDATES', granted: false, source: 'SSO' });
    const [latest] = await server
      .em()
      .find(ConsentRecord, { member }, { ...ALL_COMMUNITIES, orderBy: { createdAt: 'desc' } });
    expect(latest?.textShown).toContain('sign-in token');
  });

  it("keeps the customer's own choice against the same claims, until the brand's site says something new", async () => {
    const yes = await ssoToken(brand, { sub: 'u-4', name: 'Wren', consents: { PRODUCT_UPDATES: true } });
    const member = rawId((await consents(yes)).member.id);
    const setConsent = (granted: boolean) =>
      api.data('mutation ($g: Boolean!) { setConsent(purpose: PRODUCT_UPDATES, granted: $g) { granted source } }', {
        token: yes,
        variables: { g: granted },
      });
    // Withdrawn in the widget: the token's unchanged claim, sent again and again, does not undo it.
    expect((await setConsent(false)).setConsent).toEqual({ granted: false, source: 'WIDGET' });
    for (let i = 0; i < 2; i++) {
      expect((await consents(yes)).consents[1]).toEqual({
        purpose: 'PRODUCT_UPDATES',
        granted: false,
        source: 'WIDGET',
      });
    }
    // A claim equal to the state at the brand's first word is recorded too, so that it is known.
    const no = await ssoToken(brand, { sub: 'u-4', name: 'Wren', consents: { PRODUCT_UPDATES: false } });
    expect((await consents(no)).consents[1]).toEqual({ purpose: 'PRODUCT_UPDATES', granted: false, source: 'SSO' });
    // Granted again in the widget: the brand's "no", unchanged, does not undo that either.
    await api.data('mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }', { token: no });
    expect((await consents(no)).consents[1]).toEqual({ purpose: 'PRODUCT_UPDATES', granted: true, source: 'WIDGET' });
    // The brand's site says yes again: a new word, recorded.
    expect((await consents(yes)).consents[1]).toEqual({ purpose: 'PRODUCT_UPDATES', granted: true, source: 'SSO' });
    expect(await server.em().count(ConsentRecord, { member, source: 'SSO' }, ALL_COMMUNITIES)).toBe(3);
  });

  it('refuses a token whose consents claim is not purpose → true/false', async () => {
    for (const bad of [{ NEWSLETTER: true }, { PRODUCT_UPDATES: 'yes' }, ['PRODUCT_UPDATES']]) {
      const token = await ssoToken(brand, { sub: 'u-2', name: 'Bad', consents: bad });
      const result = await api.request('{ viewer { kind } }', { token });
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toContain('"consents" claim');
    }
  });

  it('lets a manager record a consent given elsewhere, with who recorded it', async () => {
    const token = await ssoToken(brand, { sub: 'u-3', name: 'Vic' });
    const member = (await consents(token)).member.id;
    const recorded = await manager.data(
      'mutation ($m: ID!) { recordMemberConsent(memberId: $m, purpose: STAFF_CONTACT, granted: true, textShown: "Agreed on the phone to be called back") { purpose granted source } }',
      { variables: { m: member } },
    );
    expect(recorded.recordMemberConsent).toEqual({ purpose: 'STAFF_CONTACT', granted: true, source: 'ADMIN' });
    const history = await manager.data(
      'query ($s: String!, $m: ID!) { community(slug: $s) { member(id: $m) { consentHistory { source textShown recordedBy { name } } } } }',
      { variables: { s: brand.slug, m: member } },
    );
    expect(history.community.member.consentHistory).toEqual([
      { source: 'ADMIN', textShown: 'Agreed on the phone to be called back', recordedBy: { name: 'Mia' } },
    ]);
    const empty = await manager.request(
      'mutation ($m: ID!) { recordMemberConsent(memberId: $m, purpose: STAFF_CONTACT, granted: true, textShown: "  ") { granted } }',
      { variables: { m: member } },
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'textShown' });
  });
});
