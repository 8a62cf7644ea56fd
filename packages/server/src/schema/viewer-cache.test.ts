/**
 * Who a signed-in visitor is (a guest's row; a customer's SSO key, row and consents) and their votes
 * on a page are kept in the process's shared cache (services/identity.ts, services/votes.ts): these
 * tests check that a repeat visit costs no query, and that every change to who they are, what they
 * agreed to or what they voted applies on the very next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { ConsentRecord, Member } from '../entities/index.ts';
import { retireSsoKey, rotateSsoKey } from '../services/communities.ts';
import { eraseDue } from '../services/erasure.ts';
import { ALL_COMMUNITIES, globalId, guestToken, postThread, ssoToken } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

/** Every SQL statement the server runs. */
const statements: string[] = [];
let t: TestBrand;
let thread: string;

const LIST = `query ($s: String!) { viewer { member { displayName } deletionDueAt }
  community(slug: $s) { threads(first: 20) { edges { node { id viewerHasVoted } } } } }`;

async function visit(token: string) {
  const data = await t.api.data(LIST, { token, variables: { s: t.brand.slug } });
  const voted = data.community.threads.edges.find((e: any) => e.node.id === thread)?.node.viewerHasVoted;
  return { name: data.viewer.member.displayName as string, deletionDueAt: data.viewer.deletionDueAt, voted };
}

/** The statements `read` made the server run. */
async function statementsOf(read: () => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  await read();
  return statements.filter((s) => /\b(select|insert|update|delete)\b/i.test(s));
}

const vote = (token: string, mutation: 'vote' | 'unvote' = 'vote') =>
  t.api.data(`mutation ($id: ID!) { ${mutation}(threadId: $id) { id } }`, { token, variables: { id: thread } });

beforeAll(async () => {
  t = await startTestBrand({
    backgroundJobs: false,
    ormOverrides: { debug: ['query'], logger: (message: string) => statements.push(message) },
  });
  thread = await postThread(t.api, await guestToken(t.api, t.brand.slug, 'Poster'), { title: 'Night trains' });
});
afterAll(() => t?.server.close());

describe("a signed-in guest's repeat visit", () => {
  it('costs no query: who they are and what they voted come from the cache', async () => {
    const token = await guestToken(t.api, t.brand.slug, 'Rita Repeat');
    await visit(token);
    await visit(token);
    expect(await statementsOf(() => visit(token))).toEqual([]);
    expect((await visit(token)).name).toBe('Rita Repeat');
  });

  it('shows their own vote, and its withdrawal, at once', async () => {
    const token = await guestToken(t.api, t.brand.slug, 'Vera Voter');
    expect((await visit(token)).voted).toBe(false);
    await visit(token);
    await vote(token);
    expect((await visit(token)).voted).toBe(true);
    await vote(token, 'unvote');
    expect((await visit(token)).voted).toBe(false);
  });

  it('refuses a suspended guest at once, and lets them post again once lifted', async () => {
    const token = await guestToken(t.api, t.brand.slug, 'Sid Suspended');
    await visit(token);
    await visit(token);
    const member = await t.server.em().findOneOrFail(Member, { displayName: 'Sid Suspended' }, ALL_COMMUNITIES);
    const memberId = globalId('Member', member.id);
    await t.manager.data('mutation ($m: ID!) { suspendMember(memberId: $m, reason: "Spamming links") { id } }', {
      variables: { m: memberId },
    });
    const refused = await t.api.request('mutation ($id: ID!) { vote(threadId: $id) { id } }', {
      token,
      variables: { id: thread },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await t.manager.data('mutation ($m: ID!) { unsuspendMember(memberId: $m) { id } }', { variables: { m: memberId } });
    await vote(token);
    expect((await visit(token)).voted).toBe(true);
  });

  it('shows a requested deletion at once, and refuses the token once the member is erased', async () => {
    const token = await guestToken(t.api, t.brand.slug, 'Lea Leaving');
    await visit(token);
    await visit(token);
    await t.api.data('mutation { requestAccountDeletion }', { token });
    expect((await visit(token)).deletionDueAt).not.toBeNull();
    await eraseDue(t.server.em(), new Date(Date.now() + 365 * 86_400_000));
    const refused = await t.api.request(LIST, { token, variables: { s: t.brand.slug } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stamps their last visit once per resolution period, not on every cached visit', async () => {
    const token = await guestToken(t.api, t.brand.slug, 'Lars Lastseen');
    await visit(token);
    const em = t.server.em();
    const { id } = await em.findOneOrFail(Member, { displayName: 'Lars Lastseen' }, ALL_COMMUNITIES);
    // An hour ago, written by hand (nothing announced); then the cache is expired, so the next
    // visit reads the old stamp.
    const long = new Date(Date.now() - 3_600_000);
    await em.nativeUpdate(Member, { id }, { lastSeenAt: long }, ALL_COMMUNITIES);
    t.server.app.events.announceChange(t.brand.community.id);
    const updatesOf = async () =>
      (await statementsOf(() => visit(token))).filter((s) => /\bupdate [`"]member[`"]/i.test(s));
    expect(await updatesOf()).toHaveLength(1);
    const stamped = (await em.fork().findOneOrFail(Member, { id }, ALL_COMMUNITIES)).lastSeenAt;
    expect(stamped.getTime()).toBeGreaterThan(long.getTime());
    // The cached row still holds the old stamp; the process remembers it wrote a new one.
    expect(await updatesOf()).toEqual([]);
    expect(await updatesOf()).toEqual([]);
  });
});

describe("a signed-in customer's (SSO) repeat visit", () => {
  const consents = async (token: string) =>
    Object.fromEntries(
      (await t.api.data('{ viewer { consents { purpose granted } } }', { token })).viewer.consents.map(
        (c: { purpose: string; granted: boolean }) => [c.purpose, c.granted],
      ),
    );

  it('costs no query: the key, their row and their consents come from the cache', async () => {
    const token = await ssoToken(t.brand, {
      sub: 'repeat',
      name: 'Cleo Customer',
      consents: { PRODUCT_UPDATES: true },
    });
    await visit(token);
    await visit(token);
    expect(await statementsOf(() => visit(token))).toEqual([]);
    expect((await visit(token)).name).toBe('Cleo Customer');
  });

  it('takes the name a new token carries at once', async () => {
    await visit(await ssoToken(t.brand, { sub: 'renamed', name: 'Old Name' }));
    await visit(await ssoToken(t.brand, { sub: 'renamed', name: 'Old Name' }));
    expect((await visit(await ssoToken(t.brand, { sub: 'renamed', name: 'New Name' }))).name).toBe('New Name');
    expect((await visit(await ssoToken(t.brand, { sub: 'renamed', name: 'Old Name' }))).name).toBe('Old Name');
  });

  it('refuses a token of a key retired since, at once', async () => {
    const id = t.brand.community.id;
    const fresh = await rotateSsoKey(bindEm(t.server.em(), id), id, null);
    const signed = { ssoKeyId: fresh.kid, ssoSecret: fresh.secret };
    const token = await ssoToken(signed, { sub: 'rotating', name: 'Rita Rotating' });
    await visit(token);
    await visit(token);
    await retireSsoKey(bindEm(t.server.em(), id), id, fresh.kid, null);
    expect(await t.api.error(LIST, { token, variables: { s: t.brand.slug } })).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it("keeps a manager's record against the token's unchanged claim, and records the brand's new word", async () => {
    const token = await ssoToken(t.brand, {
      sub: 'consenting',
      name: 'Cal Consent',
      consents: { PRODUCT_UPDATES: true },
    });
    expect((await consents(token)).PRODUCT_UPDATES).toBe(true);
    await consents(token);
    const member = await t.server.em().findOneOrFail(Member, { externalId: 'consenting' }, ALL_COMMUNITIES);
    const ledger = () => t.server.em().count(ConsentRecord, { member: member.id }, ALL_COMMUNITIES);
    expect(await ledger()).toBe(1);
    await t.manager.data(
      'mutation ($m: ID!) { recordMemberConsent(memberId: $m, purpose: PRODUCT_UPDATES, granted: false, textShown: "Said no on the phone") { granted } }',
      { variables: { m: globalId('Member', member.id) } },
    );
    // The brand's site still says yes, as before: what the customer said on the phone stands.
    expect((await consents(token)).PRODUCT_UPDATES).toBe(false);
    await consents(token);
    expect(await ledger()).toBe(2);
    // Its site says no, then yes again: each a new word, recorded once.
    const no = await ssoToken(t.brand, {
      sub: 'consenting',
      name: 'Cal Consent',
      consents: { PRODUCT_UPDATES: false },
    });
    expect((await consents(no)).PRODUCT_UPDATES).toBe(false);
    expect((await consents(token)).PRODUCT_UPDATES).toBe(true);
    await consents(token);
    expect(await ledger()).toBe(4);
  });
});
