/** Floods are cut off with RATE_LIMITED saying when to retry, per member, per address, and across processes. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCommunity,
  globalId,
  guestToken,
  postThread,
  STAFF_PASSWORD,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitRules } from './rules.ts';

const MINUTE = 60_000;
const TIGHT: RateLimitRules = {
  ...DEFAULT_RATE_LIMITS,
  post: [
    { per: 'member', limit: 3, windowMs: MINUTE },
    { per: 'ip', limit: 8, windowMs: MINUTE },
  ],
  guest: [{ per: 'ip', limit: 6, windowMs: MINUTE }],
  signIn: [{ per: 'ip', limit: 50, windowMs: MINUTE }],
  signInFailures: { limit: 3, windowMs: MINUTE },
  signInAccountFailures: { limit: 6, windowMs: MINUTE },
};
const POST = 'mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }';
let n = 0;
const newPost = () => ({ i: { kind: 'IDEA', title: `Flood ${++n}` } });

describe('on one server', () => {
  let server: TestServer;
  let brand: TestCommunity;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: TIGHT, trustProxy: 1 });
    brand = await createTestCommunity(server.em());
  });
  afterAll(() => server?.close());

  const SIGN_IN =
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }';
  const attempt = (
    email: string,
    password: string,
    options: { headers?: Record<string, string>; slug?: string } = {},
  ) =>
    server.client().request(SIGN_IN, {
      headers: options.headers,
      variables: { c: options.slug ?? brand.slug, e: email, p: password },
    });

  it('limits posting per member, saying when to retry', async () => {
    const token = await guestToken(server.client(), brand.slug, 'Flooder');
    for (let i = 0; i < 3; i++) await server.client().data(POST, { token, variables: newPost() });
    const refused = await server.client().request(POST, { token, variables: newPost() });
    const error = refused.errors?.[0];
    expect(error?.extensions?.code).toBe('RATE_LIMITED');
    expect(error?.extensions?.retryAfter).toBeGreaterThan(0);
    expect(error?.extensions?.retryAfter).toBeLessThanOrEqual(60);
    expect(error?.message).toMatch(/try again in \d+ seconds/);
    // Staff answering for the brand are not limited.
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    for (let i = 0; i < 5; i++) await postThread(staff, undefined, { title: `Staff post ${i}` });
  });

  it('limits guest creation per address (one address, many names is still one address)', async () => {
    const fresh = await createTestCommunity(server.em());
    const start = 'mutation ($c: String!, $n: String!) { startGuestSession(community: $c, displayName: $n) { token } }';
    const codes: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      const result = await server.client().request(start, { variables: { c: fresh.slug, n: `Sock puppet ${i}` } });
      codes.push(result.errors?.[0]?.extensions?.code ?? 'OK');
    }
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
    expect(codes.slice(0, 2)).toEqual(['OK', 'OK']);
  });

  it('locks an account after repeated failed sign-ins from one address, there only; the same for unknown emails', async () => {
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    for (const email of [brand.manager.email, 'nobody@nowhere.example']) {
      for (let i = 0; i < 3; i++) {
        const failed = await attempt(email, 'wrong password!', from('203.0.113.7'));
        expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      const right = email === brand.manager.email ? STAFF_PASSWORD : 'wrong password!';
      const locked = await attempt(email, right, from('203.0.113.7'));
      expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(locked.errors?.[0]?.message).toContain('Too many failed sign-ins for this account from your address');
    }
    // Whoever failed elsewhere cannot lock the account's owner out: from their own address it works.
    expect((await attempt(brand.manager.email, STAFF_PASSWORD, from('198.51.100.20'))).errors).toBeUndefined();
    // Other accounts are not affected.
    expect((await attempt(brand.owner.email, STAFF_PASSWORD, from('203.0.113.7'))).errors).toBeUndefined();
  });

  it('counts an IPv6 /64 as one address', async () => {
    const target = await createTestCommunity(server.em());
    const as = (address: string, password: string) =>
      attempt(target.owner.email, password, { headers: { 'x-forwarded-for': address }, slug: target.slug });
    for (const host of ['1', '2', '3']) await as(`2001:db8:aa:bb::${host}`, 'wrong password!');
    const sameNetwork = await as('2001:db8:aa:bb:ffff::9', STAFF_PASSWORD);
    expect(sameNetwork.errors?.[0]?.message).toContain('from your address');
    expect((await as('2001:db8:aa:cc::1', STAFF_PASSWORD)).errors).toBeUndefined();
  });

  it('locks an account everywhere only after many failures from everywhere, until its password is set again', async () => {
    const target = await createTestCommunity(server.em());
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    const as = (address: string, password: string) =>
      attempt(target.staff.email, password, { ...from(address), slug: target.slug });
    for (let i = 0; i < 6; i++) await as(`203.0.113.${10 + (i % 2)}`, 'wrong password!');
    const everywhere = await as('198.51.100.30', STAFF_PASSWORD);
    expect(everywhere.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(everywhere.errors?.[0]?.message).toContain('A manager can send a new password link');
    // The unlock path: a manager sends a new link, the staff member sets a password with it.
    const manager = server.client();
    await signInStaff(manager, target.slug, target.manager);
    const link = await manager.data('mutation ($id: ID!) { issuePasswordLink(staffId: $id) { url } }', {
      variables: { id: globalId('StaffMember', target.staff.id) },
    });
    const token = (link.issuePasswordLink.url as string).split('#token=')[1];
    await server
      .client()
      .data('mutation ($t: String!, $p: String!) { setStaffPassword(token: $t, password: $p) { kind } }', {
        variables: { t: token, p: 'a brand new password' },
      });
    expect((await as('198.51.100.30', 'a brand new password')).errors).toBeUndefined();
  });
});

describe('across two server processes (Redis)', () => {
  let one: TestServer;
  let two: TestServer;
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  afterEach(async () => {
    await two?.close();
    await one?.close();
  });

  it("counts a member's posts on both", async () => {
    one = await startTestServer({ rateLimits: TIGHT, redisUrl });
    two = await startTestServer({ rateLimits: TIGHT, redisUrl, database: one.database });
    const brand = await createTestCommunity(one.em());
    const token = await guestToken(one.client(), brand.slug, 'Roamer');
    await one.client().data(POST, { token, variables: newPost() });
    await two.client().data(POST, { token, variables: newPost() });
    await one.client().data(POST, { token, variables: newPost() });
    const refused = await two.client().request(POST, { token, variables: newPost() });
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
