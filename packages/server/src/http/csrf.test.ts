/**
 * Cross-site request forgery: another site can make a staff member's browser send a form post or
 * load a GET URL with the session cookie. Neither may act on the API.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  cookie = staff.cookie ?? '';
});
afterAll(() => server?.close());

const query = '{ viewer { kind } }';

it('refuses a form-encoded or text/plain POST carrying the session cookie', async () => {
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { cookie, 'content-type': contentType },
      body: JSON.stringify({ query }),
    });
    expect(response.status, contentType).toBe(403);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  }
});

it('refuses a plain GET (an image or link on another site) but serves one with the CSRF header', async () => {
  const url = `${server.endpoint}?query=${encodeURIComponent(query)}`;
  expect((await fetch(url, { headers: { cookie } })).status).toBe(403);
  const allowed = await fetch(url, { headers: { cookie, 'x-graphql-yoga-csrf': '1', accept: 'application/json' } });
  expect(allowed.status).toBe(200);
  expect((await allowed.json()).data.viewer.kind).toBe('STAFF');
});

it('serves JSON POSTs (which browsers only send cross-site after a CORS preflight)', async () => {
  const response = await fetch(server.endpoint, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  expect((await response.json()).data.viewer.kind).toBe('STAFF');
});

it('never lets another origin send the session cookie (no credentials in CORS)', async () => {
  const preflight = await fetch(server.endpoint, {
    method: 'OPTIONS',
    headers: { origin: 'http://brand.example', 'access-control-request-method': 'POST' },
  });
  expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
});
