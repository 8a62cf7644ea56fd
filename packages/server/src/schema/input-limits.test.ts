/**
 * Every argument a person (or a script) can make as long as they like has a limit, refused with a
 * clear BAD_USER_INPUT naming the field: searches, filters, lists of origins, an agency name where
 * none belongs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { globalId } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

let t: TestBrand;
beforeAll(async () => {
  t = await startTestBrand({ backgroundJobs: false });
});
afterAll(() => t?.server.close());

const huge = 'x'.repeat(100_000);

it.each([
  [
    'the audit log filter',
    'query ($s: String!, $v: String!) { community(slug: $s) { auditLog(first: 5, action: $v) { edges { cursor } } } }',
    'action',
  ],
  [
    'the threads search',
    'query ($s: String!, $v: String!) { community(slug: $s) { threads(first: 5, search: $v) { edges { cursor } } } }',
    'search',
  ],
  [
    'the full-text search',
    'query ($s: String!, $v: String!) { community(slug: $s) { search(first: 5, query: $v) { edges { cursor } } } }',
    'search',
  ],
  [
    'the similar threads finder',
    'query ($s: String!, $v: String!) { community(slug: $s) { similarThreads(title: $v) { id } } }',
    'title',
  ],
  [
    'the members search',
    'query ($s: String!, $v: String!) { community(slug: $s) { members(first: 5, search: $v) { edges { cursor } } } }',
    'search',
  ],
])('refuses 100,000 characters in %s', async (_what, query, field) => {
  const error = await t.manager.error(query, { variables: { s: t.brand.slug, v: huge } });
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
});

it('refuses a thousand allowed origins, and an agency name for someone who is not agency staff', async () => {
  const origins = Array.from({ length: 1000 }, (_, i) => `https://shop${i}.brand.example`);
  const tooMany = await t.manager.error('mutation ($o: [String!]!) { setAllowedOrigins(origins: $o) { id } }', {
    variables: { o: origins },
  });
  expect(tooMany).toMatchObject({ code: 'BAD_USER_INPUT', field: 'origin' });
  expect(tooMany.message).toContain('at most 50');
  const agency = await t.manager.error('mutation ($i: UpdateStaffInput!) { updateStaff(input: $i) { id } }', {
    variables: { i: { staffId: globalId('StaffMember', t.brand.staff.id), agencyName: huge } },
  });
  expect(agency).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyName' });
});
