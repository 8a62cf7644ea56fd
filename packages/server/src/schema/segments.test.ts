/**
 * Segments over HTTP: rules over attributes, ranking standing, activity on a thread, consent and
 * language, counted and previewed live; saved, changed and removed by managers (audited); read by
 * staff and READ_MEMBERS keys; bad rules refused with the field at fault; one community's rules
 * never reach another's members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCommunity,
  guestToken,
  postThread,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let manager: GraphQLClient;
let staff: GraphQLClient;
let thread: string;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const PREVIEW = `query ($s: String!, $r: SegmentRulesInput!) { community(slug: $s) {
  segmentPreview(rules: $r) { memberCount members(first: 50) { displayName } } } }`;

/** The names a rule set takes in, sorted, and its count. */
async function who(rules: Record<string, unknown>, client = staff): Promise<string[]> {
  const data = await client.data(PREVIEW, { variables: { s: brand.slug, r: rules } });
  const { memberCount, members } = data.community.segmentPreview;
  const names = members.map((m: { displayName: string }) => m.displayName).sort();
  expect(memberCount).toBe(names.length);
  return names;
}

async function customer(name: string, claims: Record<string, unknown> = {}, community = brand): Promise<string> {
  const token = await ssoToken(community, { sub: name.toLowerCase(), name, ...claims });
  tokens[name] = token;
  const data = await server.client().data('{ viewer { member { id } } }', { token });
  ids[name] = data.viewer.member.id;
  return token;
}

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  await customer('Ada', { attributes: { plan: 'enterprise', mrr: 990, country: 'NO' } });
  await customer('Bo', { attributes: { plan: 'pro', mrr: 490 } });
  await customer('Cy', { attributes: { plan: 'enterprise', mrr: 120, beta: true } });
  await customer('Dee', { locale: 'de' });
  // Someone of another community who would match every rule.
  await customer('Eve', { attributes: { plan: 'enterprise', mrr: 990 } }, other);

  thread = await postThread(server.client(), tokens.Ada, { title: 'Offline maps' });
  await server.client().data('mutation ($t: ID!) { vote(threadId: $t) { id } }', {
    token: tokens.Bo,
    variables: { t: thread },
  });
  await server.client().data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: tokens.Cy,
    variables: { i: { threadId: thread, body: 'Yes please' } },
  });
  await manager.data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Helps everyone") { id } }', {
    variables: { m: ids.Ada },
  });
  await server.client().data('mutation { setConsent(purpose: STAFF_CONTACT, granted: true) { granted } }', {
    token: tokens.Ada,
  });
});
afterAll(() => server?.close());

describe('who a segment takes in', () => {
  it('tests attributes: a value, one of some values, a numeric range, together', async () => {
    expect(await who({ attributes: [{ key: 'plan', equals: 'enterprise' }] })).toEqual(['Ada', 'Cy']);
    expect(await who({ attributes: [{ key: 'plan', in: ['pro', 'enterprise'] }] })).toEqual(['Ada', 'Bo', 'Cy']);
    expect(await who({ attributes: [{ key: 'mrr', min: 400, max: 1000 }] })).toEqual(['Ada', 'Bo']);
    expect(await who({ attributes: [{ key: 'beta', equals: true }] })).toEqual(['Cy']);
    expect(
      await who({
        attributes: [
          { key: 'plan', equals: 'enterprise' },
          { key: 'mrr', min: 500 },
        ],
      }),
    ).toEqual(['Ada']);
    // A text is not a number: "mrr" given as text never falls in a range.
    expect(await who({ attributes: [{ key: 'country', min: 0 }] })).toEqual([]);
  });

  it('tests ranking standing, taking part in a thread, consent and language', async () => {
    expect(await who({ standing: 'AMBASSADORS' })).toEqual(['Ada']);
    expect(await who({ standing: 'AMBASSADORS', attributes: [{ key: 'plan', equals: 'enterprise' }] })).toEqual([
      'Ada',
    ]);
    expect(await who({ thread: { threadId: thread, how: 'VOTED' } })).toEqual(['Bo']);
    expect(await who({ thread: { threadId: thread, how: 'POSTED' } })).toEqual(['Ada', 'Cy']);
    expect(await who({ thread: { threadId: thread } })).toEqual(['Ada', 'Bo', 'Cy']);
    expect(await who({ activeWithinDays: 30 })).toEqual(['Ada', 'Bo', 'Cy']);
    expect(await who({ consent: { purpose: 'STAFF_CONTACT', granted: true } })).toEqual(['Ada']);
    expect(await who({ consent: { purpose: 'STAFF_CONTACT', granted: false } })).toEqual(['Bo', 'Cy', 'Dee']);
    expect(await who({ locales: ['de'] })).toEqual(['Dee']);
    // Who chose no language reads the community's.
    expect(await who({ locales: ['en'] })).toEqual(['Ada', 'Bo', 'Cy']);
    expect(await who({ minScorePercentile: 0 })).toContain('Ada');
    expect(await who({})).toEqual(['Ada', 'Bo', 'Cy', 'Dee']);
  });

  it('takes in nobody by standing where nobody scores yet, without failing', async () => {
    const theirs = server.client();
    await signInStaff(theirs, other.slug, other.staff);
    for (const rules of [{ standing: 'CRITICS' }, { standing: 'SUGGESTED' }, { minScorePercentile: 90 }]) {
      const data = await theirs.data(PREVIEW, { variables: { s: other.slug, r: rules } });
      expect(data.community.segmentPreview.memberCount, JSON.stringify(rules)).toBe(0);
    }
  });

  it('refuses bad rules with the field at fault', async () => {
    const refused = async (rules: Record<string, unknown>) =>
      staff.error(PREVIEW, { variables: { s: brand.slug, r: rules } });
    expect(await refused({ attributes: [{ key: 'a b', equals: 1 }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rules.attributes.0.key',
    });
    expect(await refused({ attributes: [{ key: 'plan', equals: 'pro', min: 1 }] })).toMatchObject({
      field: 'rules.attributes.0',
    });
    expect(await refused({ attributes: [{ key: 'mrr', min: 10, max: 1 }] })).toMatchObject({
      field: 'rules.attributes.0',
    });
    expect(await refused({ minScorePercentile: 100 })).toMatchObject({ field: 'rules.minScorePercentile' });
    expect(await refused({ activeWithinDays: 0 })).toMatchObject({ field: 'rules.activeWithinDays' });
    expect(await refused({ locales: ['xx'] })).toMatchObject({ field: 'rules.locales' });
    // Another community's thread is not there.
    const elsewhere = await postThread(server.client(), tokens.Eve, { title: 'Elsewhere' });
    expect(await refused({ thread: { threadId: elsewhere } })).toMatchObject({ field: 'rules.thread' });
  });
});

describe('saved segments', () => {
  const SEGMENTS = `query ($s: String!) { community(slug: $s) { segments { id name memberCount members { displayName } } } }`;

  it('are saved by managers, counted live, changed and removed, each audited', async () => {
    const saved = await manager.data(
      'mutation ($r: SegmentRulesInput!) { saveSegment(name: "Enterprise ambassadors", rules: $r) { id name memberCount } }',
      { variables: { r: { standing: 'AMBASSADORS', attributes: [{ key: 'plan', equals: 'enterprise' }] } } },
    );
    expect(saved.saveSegment).toMatchObject({ name: 'Enterprise ambassadors', memberCount: 1 });
    const id = saved.saveSegment.id;
    // Cy becomes an ambassador: the saved segment counts her at once.
    await manager.data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Great answers") { id } }', {
      variables: { m: ids.Cy },
    });
    const listed = await staff.data(SEGMENTS, { variables: { s: brand.slug } });
    expect(listed.community.segments).toEqual([
      { id, name: 'Enterprise ambassadors', memberCount: 2, members: expect.any(Array) },
    ]);
    expect(listed.community.segments[0].members.map((m: { displayName: string }) => m.displayName).sort()).toEqual([
      'Ada',
      'Cy',
    ]);
    const changed = await manager.data(
      'mutation ($id: ID!, $r: SegmentRulesInput!) { saveSegment(id: $id, name: "Enterprise", rules: $r) { memberCount } }',
      { variables: { id, r: { attributes: [{ key: 'plan', equals: 'enterprise' }] } } },
    );
    expect(changed.saveSegment.memberCount).toBe(2);
    await manager.data('mutation ($id: ID!) { deleteSegment(id: $id) }', { variables: { id } });
    expect((await staff.data(SEGMENTS, { variables: { s: brand.slug } })).community.segments).toEqual([]);
    const audit = await manager.data(
      'query ($s: String!) { community(slug: $s) { auditLog(first: 5, action: "segment") { edges { node { action } } } } }',
      { variables: { s: brand.slug } },
    );
    expect(audit.community.auditLog.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      'segment.delete',
      'segment.update',
      'segment.create',
    ]);
  });

  it('are saved by managers only, and read by READ_MEMBERS keys', async () => {
    const refused = await staff.error('mutation { saveSegment(name: "Mine", rules: {}) { id } }');
    expect(refused.code).toBe('FORBIDDEN');
    await manager.data('mutation { saveSegment(name: "German readers", rules: { locales: ["de"] }) { id } }');
    const made = await manager.data('mutation { createApiKey(name: "BI", scopes: [READ_MEMBERS]) { key } }');
    const read = await server.client().data(SEGMENTS, { token: made.createApiKey.key, variables: { s: brand.slug } });
    expect(read.community.segments).toMatchObject([{ name: 'German readers', memberCount: 1 }]);
    const guest = await guestToken(server.client(), brand.slug, 'Nosy');
    const nosy = await server.client().request(SEGMENTS, { token: guest, variables: { s: brand.slug } });
    expect(nosy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
