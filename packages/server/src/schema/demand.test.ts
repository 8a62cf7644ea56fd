/**
 * Demand over HTTP: ideas ranked by unique voters, by the revenue of their voters, by one
 * segment's voters; who the voters are and their last 30 days; CSV that a spreadsheet reads as
 * text; staff and READ_DEMAND keys only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, postThread, signInStaff, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let manager: GraphQLClient;
const ideas: Record<string, string> = {};

const DEMAND = `query ($s: String!, $o: DemandOrder, $w: String, $g: ID, $st: [ThreadStatus!]) { community(slug: $s) {
  demand(orderBy: $o, weightBy: $w, segmentId: $g, status: $st) { ideas {
    thread { title } voters weight segmentVoters trend bySegment { standing segment { name } voters share }
  } } } }`;

interface Idea {
  thread: { title: string };
  voters: number;
  weight: number | null;
  segmentVoters: number | null;
  trend: number[];
  bySegment: { standing: string | null; segment: { name: string } | null; voters: number; share: number }[];
}

async function ranked(variables: Record<string, unknown>): Promise<Idea[]> {
  const data = await manager.data(DEMAND, { variables: { s: brand.slug, ...variables } });
  return data.community.demand.ideas;
}

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  const customers: Record<string, string> = {};
  for (const [name, attributes] of [
    ['Ada', { plan: 'enterprise', mrr: 900 }],
    ['Bo', { plan: 'pro', mrr: 50 }],
    ['Cy', { plan: 'pro', mrr: 40 }],
    ['Dee', { plan: 'pro' }],
  ] as const) {
    customers[name] = await ssoToken(brand, { sub: name.toLowerCase(), name, attributes });
  }
  ideas.sso = await postThread(server.client(), customers.Ada, { title: 'SAML sign-in' });
  ideas.dark = await postThread(server.client(), customers.Bo, { title: 'Dark mode' });
  ideas.formula = await postThread(server.client(), customers.Cy, { title: '=HYPERLINK("x") export' });
  const vote = (who: string, idea: string) =>
    server.client().data('mutation ($t: ID!) { vote(threadId: $t) { id } }', {
      token: customers[who],
      variables: { t: ideas[idea] },
    });
  await vote('Ada', 'sso');
  for (const who of ['Bo', 'Cy', 'Dee']) await vote(who, 'dark');
  const ada = (await server.client().data('{ viewer { member { id } } }', { token: customers.Ada })).viewer.member.id;
  await manager.data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Our best customer") { id } }', {
    variables: { m: ada },
  });
});
afterAll(() => server?.close());

it('ranks ideas by unique voters, or by the revenue of their voters', async () => {
  const byVoters = await ranked({});
  expect(byVoters.map((i) => [i.thread.title, i.voters])).toEqual([
    ['Dark mode', 3],
    ['SAML sign-in', 1],
    ['=HYPERLINK("x") export', 0],
  ]);
  const byRevenue = await ranked({ o: 'WEIGHT', w: 'mrr' });
  expect(byRevenue.map((i) => [i.thread.title, i.weight])).toEqual([
    ['SAML sign-in', 900],
    ['Dark mode', 90],
    ['=HYPERLINK("x") export', 0],
  ]);
  // Today's votes end each idea's 30 days.
  expect(byVoters[0]?.trend).toHaveLength(30);
  expect(byVoters[0]?.trend.at(-1)).toBe(3);
  expect(byVoters[0]?.trend.slice(0, -1).every((n) => n === 0)).toBe(true);
});

it("says who an idea's voters are, and ranks by one segment's voters", async () => {
  const saved = await manager.data(
    'mutation { saveSegment(name: "Pro", rules: { attributes: [{ key: "plan", equals: "pro" }] }) { id } }',
  );
  const segmentId = saved.saveSegment.id;
  const all = await ranked({});
  const sso = all.find((i) => i.thread.title === 'SAML sign-in');
  const dark = all.find((i) => i.thread.title === 'Dark mode');
  expect(sso?.bySegment).toEqual([
    { standing: 'AMBASSADORS', segment: null, voters: 1, share: 1 },
    { standing: 'CRITICS', segment: null, voters: 0, share: 0 },
    { standing: null, segment: { name: 'Pro' }, voters: 0, share: 0 },
  ]);
  expect(dark?.bySegment.find((s) => s.segment?.name === 'Pro')).toEqual({
    standing: null,
    segment: { name: 'Pro' },
    voters: 3,
    share: 1,
  });
  const bySegment = await ranked({ o: 'SEGMENT_VOTERS', g: segmentId });
  expect(bySegment.map((i) => [i.thread.title, i.segmentVoters])[0]).toEqual(['Dark mode', 3]);
  expect(await ranked({ st: ['PLANNED'] })).toEqual([]);
});

it('refuses what it cannot rank, with the field at fault', async () => {
  const noWeight = await manager.error(DEMAND, { variables: { s: brand.slug, o: 'WEIGHT' } });
  expect(noWeight).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weightBy' });
  const badKey = await manager.error(DEMAND, { variables: { s: brand.slug, o: 'WEIGHT', w: "mrr') or 1=1 --" } });
  expect(badKey).toMatchObject({ code: 'BAD_USER_INPUT', field: 'weightBy' });
  const noSegment = await manager.error(DEMAND, {
    variables: { s: brand.slug, o: 'SEGMENT_VOTERS', g: '00000000-0000-4000-8000-000000000000' },
  });
  expect(noSegment).toMatchObject({ code: 'BAD_USER_INPUT', field: 'segmentId' });
});

it('exports CSV a spreadsheet reads as text, for staff and READ_DEMAND keys only', async () => {
  const key = await manager.data('mutation { createApiKey(name: "BI", scopes: [READ_DEMAND]) { key } }');
  const csv = await server
    .client()
    .data('query ($s: String!) { community(slug: $s) { demandCsv(orderBy: WEIGHT, weightBy: "mrr") } }', {
      token: key.createApiKey.key,
      variables: { s: brand.slug },
    });
  const lines = csv.community.demandCsv.trim().split('\n');
  expect(lines[0]).toBe('id,title,status,voters,sum of mrr,segment voters');
  expect(lines[1]).toMatch(/,SAML sign-in,OPEN,1,900,$/);
  expect(lines[3]).toContain(`"'=HYPERLINK(""x"") export"`);
  const members = await manager.data('mutation { createApiKey(name: "CRM", scopes: [READ_MEMBERS]) { key } }');
  const refused = await server.client().request('query ($s: String!) { community(slug: $s) { demandCsv } }', {
    token: members.createApiKey.key,
    variables: { s: brand.slug },
  });
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  // Who is in a segment is for staff and READ_MEMBERS keys, not for a demand key.
  const inSegments = await server
    .client()
    .request(
      'query ($s: String!) { community(slug: $s) { demand { ideas { bySegment { voters segment { name members { displayName } } } } } } }',
      { token: key.createApiKey.key, variables: { s: brand.slug } },
    );
  expect(inSegments.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
