/**
 * Customer attributes from the brand's sign-in token: validated with clear errors, kept per
 * member and current at each sign-in, seen by staff only, in the person's own data download, and
 * gone when the member is erased.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { eraseMember } from '../services/erasure.ts';
import { createTestCommunity, rawId, signInStaff, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let staff: GraphQLClient;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
});
afterAll(() => server?.close());

/** Signs the customer in with a token holding `attributes`; returns their member id. */
async function signIn(sub: string, attributes?: unknown): Promise<string> {
  const token = await ssoToken(brand, {
    sub,
    name: `Customer ${sub}`,
    ...(attributes === undefined ? {} : { attributes }),
  });
  const data = await server.client().data('{ viewer { member { id } } }', { token });
  return data.viewer.member.id;
}

const attributesOf = async (id: string) =>
  (
    await staff.data('query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { attributes } } }', {
      variables: { s: brand.slug, id },
    })
  ).community.member.attributes;

it('keeps what the token says, current at each sign-in; a token without attributes leaves them', async () => {
  const id = await signIn('ada', { plan: 'pro', mrr: 490, country: 'NO', beta: false });
  expect(await attributesOf(id)).toEqual({ beta: false, country: 'NO', mrr: 490, plan: 'pro' });
  await signIn('ada', { plan: 'enterprise', mrr: 990, country: 'NO' });
  expect(await attributesOf(id)).toEqual({ country: 'NO', mrr: 990, plan: 'enterprise' });
  await signIn('ada');
  expect(await attributesOf(id)).toEqual({ country: 'NO', mrr: 990, plan: 'enterprise' });
  expect(await attributesOf(await signIn('bo'))).toBeNull();
});

it('refuses a token with bad attributes, saying what is wrong', async () => {
  const cases: [unknown, RegExp][] = [
    [
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])),
      /"attributes" claim has 21 keys; at most 20/,
    ],
    [{ company: { name: 'Acme' } }, /"company" must be a string, a number or a boolean/],
    [{ plan: 'x'.repeat(201) }, /"plan" is longer than 200 characters/],
    [['pro'], /"attributes" claim must be an object/],
  ];
  for (const [attributes, message] of cases) {
    const token = await ssoToken(brand, { sub: 'cy', name: 'Cy', attributes });
    const error = await server.client().error('{ viewer { member { id } } }', { token });
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(error.message).toMatch(message);
  }
});

it('shows them to staff only, puts them in the person’s download, and erases them with the member', async () => {
  const token = await ssoToken(brand, { sub: 'dee', name: 'Dee', attributes: { plan: 'team', seats: 12 } });
  const dee = server.client();
  const own = await dee.request('{ viewer { member { id attributes } } }', { token });
  expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const id = own.data?.viewer?.member?.id ?? (await signIn('dee'));
  const other = await server
    .client()
    .request('query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { attributes } } }', {
      token: await ssoToken(brand, { sub: 'eve', name: 'Eve' }),
      variables: { s: brand.slug, id },
    });
  expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  const download = await dee.data('{ viewer { dataExport } }', { token });
  expect(download.viewer.dataExport.member.attributes).toEqual({ plan: 'team', seats: 12 });

  await bindEm(server.em(), brand.community.id).transactional((tx) =>
    eraseMember(tx, brand.community.id, rawId(id), 'Asked by email'),
  );
  expect(await attributesOf(id)).toBeNull();
  const [row] = await server
    .em()
    .getConnection()
    .execute<{ attributes: unknown }[]>('select attributes from member where id = ?', [rawId(id)]);
  expect(row?.attributes ?? null).toBeNull();
});
