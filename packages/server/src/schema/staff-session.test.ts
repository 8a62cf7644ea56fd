/** Staff sessions end when they expire, when the staff member signs out, and when the account is deactivated. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { StaffMember, StaffSession } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  globalId,
  STAFF_PASSWORD,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
const VIEWER = '{ viewer { kind } }';

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

it('ends an expired session', async () => {
  const client = server.client();
  await signInStaff(client, brand.slug, brand.staff);
  expect((await client.data(VIEWER)).viewer.kind).toBe('STAFF');
  await server
    .em()
    .nativeUpdate(StaffSession, { staff: brand.staff.id }, { expiresAt: new Date(Date.now() - 1000) }, ALL_COMMUNITIES);
  expect((await client.data(VIEWER)).viewer).toBeNull();
});

it('ends every session of a deactivated account at once', async () => {
  const laptop = server.client();
  const phone = server.client();
  await signInStaff(laptop, brand.slug, brand.agency);
  await signInStaff(phone, brand.slug, brand.agency);
  await server
    .em()
    .nativeUpdate(StaffMember, { id: brand.agency.id }, { active: false, deactivatedAt: new Date() }, ALL_COMMUNITIES);
  expect((await laptop.data(VIEWER)).viewer).toBeNull();
  expect((await phone.data(VIEWER)).viewer).toBeNull();

  // Signing in again: told the account is deactivated, with the right password only.
  const SIGN_IN =
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }';
  const right = await laptop.error(SIGN_IN, {
    variables: { c: brand.slug, e: brand.agency.email, p: STAFF_PASSWORD },
  });
  expect(right).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('deactivated') });
  const wrong = await laptop.error(SIGN_IN, {
    variables: { c: brand.slug, e: brand.agency.email, p: 'not the password at all' },
  });
  expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.' });
});

it('ends the other sessions of an account when its password is reset or its role changes', async () => {
  const other = await createTestCommunity(server.em());
  const manager = server.client();
  await signInStaff(manager, other.slug, other.manager);
  const laptop = server.client();
  await signInStaff(laptop, other.slug, other.staff);
  const { issuePasswordLink } = await manager.data('mutation ($id: ID!) { issuePasswordLink(staffId: $id) { url } }', {
    variables: { id: globalId('StaffMember', other.staff.id) },
  });
  const token = new URL(issuePasswordLink.url).hash.replace('#token=', '');
  const phone = server.client();
  await phone.data('mutation ($t: String!, $p: String!) { setStaffPassword(token: $t, password: $p) { kind } }', {
    variables: { t: token, p: 'a brand new password' },
  });
  expect((await phone.data(VIEWER)).viewer.kind).toBe('STAFF');
  expect((await laptop.data(VIEWER)).viewer).toBeNull();

  await manager.data('mutation ($i: UpdateStaffInput!) { updateStaff(input: $i) { role } }', {
    variables: { i: { staffId: globalId('StaffMember', other.staff.id), role: 'AGENCY', agencyName: 'Northwind' } },
  });
  expect((await phone.data(VIEWER)).viewer).toBeNull();
  // The manager who changed it stays signed in.
  expect((await manager.data(VIEWER)).viewer.kind).toBe('STAFF');
});

it('sets the cookie Secure in production', async () => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const production = await startTestServer();
  process.env.NODE_ENV = previous;
  try {
    const other = await createTestCommunity(production.em());
    const response = await production
      .client()
      .raw(
        'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
        { variables: { c: other.slug, e: other.staff.email, p: 'correct horse battery' } },
      );
    const cookie = response.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  } finally {
    await production.close();
  }
});
