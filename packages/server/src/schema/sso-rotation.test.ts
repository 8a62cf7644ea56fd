/** A brand rotates its SSO secret without downtime: old and new keys both work until the old one is retired. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { retireSsoKey, rotateSsoKey } from '../services/communities.ts';
import { createTestCommunity, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
const VIEWER = '{ viewer { kind } }';

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

it('accepts old and new keys during rotation, and only the new one after retiring the old', async () => {
  const em = bindEm(server.em(), brand.community.id);
  const fresh = await rotateSsoKey(em, brand.community.id, null);
  const oldToken = await ssoToken(brand, { sub: 'rotating', name: 'Rita' });
  const newToken = await ssoToken({ ssoKeyId: fresh.kid, ssoSecret: fresh.secret }, { sub: 'rotating', name: 'Rita' });
  expect((await server.client().data(VIEWER, { token: oldToken })).viewer.kind).toBe('CUSTOMER');
  expect((await server.client().data(VIEWER, { token: newToken })).viewer.kind).toBe('CUSTOMER');

  await retireSsoKey(bindEm(server.em(), brand.community.id), brand.community.id, brand.ssoKeyId, null);
  expect(await server.client().error(VIEWER, { token: oldToken })).toMatchObject({ code: 'UNAUTHENTICATED' });
  expect((await server.client().data(VIEWER, { token: newToken })).viewer.kind).toBe('CUSTOMER');
});

it('keeps at least one active key, and retires only keys of the community', async () => {
  const other = await createTestCommunity(server.em());
  const em = bindEm(server.em(), other.community.id);
  await expect(retireSsoKey(em, other.community.id, other.ssoKeyId, null)).rejects.toMatchObject({ code: 'CONFLICT' });
  await expect(retireSsoKey(em, other.community.id, brand.ssoKeyId, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
});
