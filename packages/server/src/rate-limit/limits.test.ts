/** Floods are cut off with RATE_LIMITED saying when to retry, per member, per address, and across processes. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCommunity,
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
};
const POST = 'mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }';
let n = 0;
const newPost = () => ({ i: { kind: 'IDEA', title: `Flood ${++n}` } });

describe('on one server', () => {
  let server: TestServer;
  let brand: TestCommunity;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: TIGHT });
    brand = await createTestCommunity(server.em());
  });
  afterAll(() => server?.close());

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

  it('locks an account after repeated failed sign-ins, for right passwords too, and says the same for unknown emails', async () => {
    const signIn =
      'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }';
    const attempt = (email: string, password: string) =>
      server.client().request(signIn, { variables: { c: brand.slug, e: email, p: password } });
    for (const email of [brand.manager.email, 'nobody@nowhere.example']) {
      for (let i = 0; i < 3; i++)
        expect((await attempt(email, 'wrong password!')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const locked = await attempt(email, email === brand.manager.email ? STAFF_PASSWORD : 'wrong password!');
      expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(locked.errors?.[0]?.message).toContain('Too many failed sign-ins for this account');
    }
    // Other accounts are not affected.
    expect((await attempt(brand.owner.email, STAFF_PASSWORD)).errors).toBeUndefined();
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
