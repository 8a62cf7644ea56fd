import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member, StaffMember } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  STAFF_PASSWORD,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;

const VIEWER =
  '{ viewer { kind community { slug } member { displayName avatarUrl isGuest } staff { name title badge } } }';

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

describe('anonymous and guest viewers', () => {
  it('is null without credentials', async () => {
    expect(await server.client().data(VIEWER)).toEqual({ viewer: null });
  });

  it('starts a guest session whose token identifies the guest in that community', async () => {
    const client = server.client();
    const token = await guestToken(client, brand.slug, '  Pat  ');
    expect(token).toMatch(/^rg_/);
    const data = await client.data(VIEWER, { token });
    expect(data.viewer).toEqual({
      kind: 'GUEST',
      community: { slug: brand.slug },
      member: { displayName: 'Pat', avatarUrl: null, isGuest: true },
      staff: null,
    });
  });

  it('refuses bad display names and unknown communities', async () => {
    const client = server.client();
    const start = 'mutation ($c: String!, $n: String!) { startGuestSession(community: $c, displayName: $n) { token } }';
    expect(await client.error(start, { variables: { c: brand.slug, n: '   ' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
    });
    expect(await client.error(start, { variables: { c: brand.slug, n: 'x'.repeat(51) } })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await client.error(start, { variables: { c: brand.slug, n: 'two\nlines' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await client.error(start, { variables: { c: 'nope', n: 'Pat' } })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an unknown or malformed bearer token instead of treating it as anonymous', async () => {
    const client = server.client();
    expect(await client.error(VIEWER, { token: 'rg_unknown' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await client.error(VIEWER, { headers: { authorization: 'Basic abc' } })).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('SSO customers', () => {
  it('creates the member from the brand token, then keeps its profile in step with the claims', async () => {
    const client = server.client();
    const token = await ssoToken(brand, {
      sub: 'u-1',
      name: 'Casey Jones',
      email: 'Casey@Example.com',
      avatar: 'https://cdn.example/c.png',
    });
    const data = await client.data(VIEWER, { token });
    expect(data.viewer).toMatchObject({
      kind: 'CUSTOMER',
      community: { slug: brand.slug },
      member: { displayName: 'Casey Jones', avatarUrl: 'https://cdn.example/c.png', isGuest: false },
    });
    const renamed = await ssoToken(brand, { sub: 'u-1', name: 'Casey J.' });
    expect((await client.data(VIEWER, { token: renamed })).viewer.member.displayName).toBe('Casey J.');
    const members = await server.em().find(Member, { externalId: 'u-1' }, ALL_COMMUNITIES);
    expect(members).toHaveLength(1);
    expect(members[0]?.email).toBeNull();
  });

  it('creates exactly one member when first requests race', async () => {
    const token = await ssoToken(brand, { sub: 'racer', name: 'Racer' });
    const results = await Promise.all(Array.from({ length: 8 }, () => server.client().request(VIEWER, { token })));
    expect(results.every((r) => !r.errors && (r.data as any).viewer.kind === 'CUSTOMER')).toBe(true);
    const count = await server.em().count(Member, { externalId: 'racer' }, ALL_COMMUNITIES);
    expect(count).toBe(1);
  });

  it('the same sub in another community is another member', async () => {
    const a = await server.client().data(VIEWER, { token: await ssoToken(brand, { sub: 'shared', name: 'A' }) });
    const b = await server.client().data(VIEWER, { token: await ssoToken(other, { sub: 'shared', name: 'B' }) });
    expect(a.viewer.community.slug).toBe(brand.slug);
    expect(b.viewer.community.slug).toBe(other.slug);
  });

  it.each([
    ['expired', async () => ssoToken(brand, { sub: 'x', name: 'X', expiresIn: -300 }), 'expired'],
    [
      'signed with another secret',
      async () => ssoToken({ ...brand, ssoSecret: other.ssoSecret }, { sub: 'x' }),
      'verified',
    ],
    ['naming an unknown key', async () => ssoToken({ ...brand, ssoKeyId: 'k_unknown' }, { sub: 'x' }), 'unknown'],
    [
      'without exp',
      async () =>
        new SignJWT({ sub: 'x' })
          .setProtectedHeader({ alg: 'HS256', kid: brand.ssoKeyId })
          .sign(new TextEncoder().encode(brand.ssoSecret)),
      '"exp"',
    ],
    [
      'without kid',
      async () =>
        new SignJWT({ sub: 'x' })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(brand.ssoSecret)),
      'key id',
    ],
    ['with alg none', async () => new UnsecuredJWT({ sub: 'x' }).setExpirationTime('5m').encode(), 'HS256'],
    [
      'with a non-string name',
      async () =>
        new SignJWT({ sub: 'x', name: 42 })
          .setProtectedHeader({ alg: 'HS256', kid: brand.ssoKeyId })
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(brand.ssoSecret)),
      '"name"',
    ],
    ['malformed', async () => 'abc.def.ghi', 'malformed'],
    ['oversized', async () => `${'a'.repeat(5000)}.b.c`, 'too long'],
  ])('rejects a token %s with UNAUTHENTICATED', async (_label, make, message) => {
    const error = await server.client().error(VIEWER, { token: await make() });
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toContain(message);
  });

  it('accepts a token a few seconds past exp (clock skew)', async () => {
    const token = await ssoToken(brand, { sub: 'skew', name: 'Skew', expiresIn: -5 });
    expect((await server.client().data(VIEWER, { token })).viewer.kind).toBe('CUSTOMER');
  });
});

describe('staff sign-in', () => {
  const SIGN_IN =
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind staff { name title badge } } }';

  it('signs in with an httpOnly session cookie, and signs out', async () => {
    const client = server.client();
    const response = await client.raw(SIGN_IN, {
      variables: { c: brand.slug, e: brand.staff.email.toUpperCase(), p: STAFF_PASSWORD },
    });
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^rapport_session=rs_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await response.json()).data.staffSignIn).toEqual({
      kind: 'STAFF',
      staff: { name: 'Sam', title: 'Support Lead', badge: 'STAFF' },
    });
    expect((await client.data(VIEWER)).viewer.kind).toBe('STAFF');
    const stolen = client.cookie;
    await client.data('mutation { staffSignOut }');
    // The session is revoked on the server, not just forgotten by this browser.
    expect(await client.data(VIEWER, { cookie: stolen })).toEqual({ viewer: null });
  });

  it('labels agency staff as agency', async () => {
    const client = server.client();
    const data = await client.data(SIGN_IN, { variables: { c: brand.slug, e: brand.agency.email, p: STAFF_PASSWORD } });
    expect(data.staffSignIn.staff.badge).toBe('AGENCY');
  });

  it('gives the same answer for a wrong password, an unknown email and a deactivated account with a wrong password', async () => {
    const client = server.client();
    const wrong = await client.error(SIGN_IN, {
      variables: { c: brand.slug, e: brand.staff.email, p: 'not the password' },
    });
    const unknown = await client.error(SIGN_IN, {
      variables: { c: brand.slug, e: 'nobody@example.com', p: STAFF_PASSWORD },
    });
    const malformed = await client.error(SIGN_IN, {
      variables: { c: brand.slug, e: 'not an email', p: STAFF_PASSWORD },
    });
    const em = server.em();
    const manager = await em.findOneOrFail(StaffMember, { id: brand.manager.id }, ALL_COMMUNITIES);
    manager.active = false;
    await em.flush();
    const deactivated = await client.error(SIGN_IN, {
      variables: { c: brand.slug, e: brand.manager.email, p: 'not the password' },
    });
    for (const error of [wrong, unknown, malformed, deactivated]) {
      expect(error).toEqual({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.', field: undefined });
    }
    // Only its owner, who knows the password, learns why they cannot sign in (#26 item 35).
    const owner = await client.error(SIGN_IN, {
      variables: { c: brand.slug, e: brand.manager.email, p: STAFF_PASSWORD },
    });
    expect(owner).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('deactivated') });
  });

  it("does not sign in to another community with this community's staff account", async () => {
    const error = await server
      .client()
      .error(SIGN_IN, { variables: { c: other.slug, e: brand.staff.email, p: STAFF_PASSWORD } });
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});
