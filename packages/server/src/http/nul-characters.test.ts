import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

let t: TestBrand;
beforeAll(async () => {
  t = await startTestBrand();
});
afterAll(() => t?.server.close());

it('refuses a NUL character in variables or in the document with BAD_USER_INPUT, on both databases', async () => {
  const guest = 'mutation ($c: String!, $n: String!) { startGuestSession(community: $c, displayName: $n) { token } }';
  for (const variables of [
    { c: '\u0000', n: 'Nina' },
    { c: t.brand.slug, n: 'Ni\u0000na' },
  ]) {
    const error = await t.api.error(guest, { variables });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(error.message).toMatch(/NUL character/);
  }
  expect((await t.api.error('{ community(slug: "a\\u0000b") { name } }')).code).toBe('BAD_USER_INPUT');
  // The same requests without it are answered as usual.
  expect((await t.api.data(guest, { variables: { c: t.brand.slug, n: 'Nina' } })).startGuestSession.token).toBeTruthy();
  expect((await t.api.data('{ community(slug: "a-b") { name } }')).community).toBeNull();
});
