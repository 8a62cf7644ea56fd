/**
 * The ranking through the API, on a real database: what members do moves their standing as it
 * happens (incremental), a full recompute from the activity log gives the same numbers, and the
 * segments, breakdowns and ambassador flags work as managers use them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberScore } from '../entities/index.ts';
import { recomputeRanking } from '../services/ranking/recompute.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let manager: GraphQLClient;
let api: GraphQLClient;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const as = (name: string) => ({ token: tokens[name] });
async function join(name: string) {
  tokens[name] = await guestToken(api, brand.slug, name);
  ids[name] = (await api.data('{ viewer { member { id } } }', as(name))).viewer.member.id;
}
const post = (name: string, title: string, body = '') => postThread(api, tokens[name], { title, body });
const reply = async (name: string, threadId: string, body: string) =>
  (
    await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      ...as(name),
      variables: { i: { threadId, body } },
    })
  ).reply.id as string;
const vote = (name: string, id: string) =>
  api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { ...as(name), variables: { id } });
const unvote = (name: string, id: string) =>
  api.data('mutation ($id: ID!) { unvote(threadId: $id) { id } }', { ...as(name), variables: { id } });
const follow = (name: string, id: string) =>
  api.data('mutation ($id: ID!) { follow(threadId: $id) { id } }', { ...as(name), variables: { id } });
const staff = (query: string, variables: Record<string, unknown> = {}) => manager.data(query, { variables });

const RANKING = `query ($s: String!, $segment: RankingSegment) { community(slug: $s) { ranking(first: 50, segment: $segment) {
  edges { node { rank score love reach sentiment textCount isAmbassador isSuggested isCritic trend member { id displayName } } } } } }`;
const ranking = async (segment = 'ALL') =>
  (await staff(RANKING, { s: brand.slug, segment })).community.ranking.edges.map((e: { node: any }) => e.node);

async function storedScores() {
  const rows = await server
    .em()
    .find(MemberScore, { community: brand.community.id }, { ...ALL_COMMUNITIES, orderBy: { member: 'asc' } });
  return rows.map((r) => ({
    member: r.member.id,
    love: r.love,
    reach: r.reach,
    sentimentSum: r.sentimentSum,
    sentimentWeight: r.sentimentWeight,
    textCount: r.textCount,
    score: r.score,
  }));
}

beforeAll(async () => {
  // One trusted proxy: visits from several addresses are sent with X-Forwarded-For.
  server = await startTestServer({ trustProxy: 1 });
  brand = await createTestCommunity(server.em());
  api = server.client();
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  for (const name of ['Ada', 'Ben', 'Cleo', 'Dev', 'Eve']) await join(name);

  // Ada: the community's heart. Posts ideas, replies warmly, gets votes, replies and followers.
  const dark = await post('Ada', 'Dark mode would be wonderful', 'I love this app and would love a dark theme!');
  const csv = await post('Ada', 'Export to CSV', 'Great for our monthly reports, thanks!');
  for (const name of ['Ben', 'Cleo', 'Dev']) await vote(name, dark);
  await vote('Ben', csv);
  await reply('Ben', dark, 'Yes please, great idea');
  await reply('Cleo', dark, 'Agreed!');
  await follow('Dev', dark);
  await reply('Ada', csv, 'Thank you all, you are wonderful');
  // Ben votes, withdraws and votes again: once.
  await unvote('Ben', csv);
  await vote('Ben', csv);
  await staff('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    i: { threadId: dark, status: 'PLANNED', note: 'Soon' },
  });
  await staff('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    i: { threadId: dark, status: 'SHIPPED' },
  });

  // Eve: vocal and unhappy, and people respond to her.
  const broken = await post('Eve', 'Checkout is broken again', 'This is terrible, the worst update ever. I hate it.');
  await reply('Eve', broken, 'Still broken. Awful and useless, so frustrating.');
  const slow = await post('Eve', 'So slow', 'Horrible performance, disappointed and angry.');
  for (const name of ['Ben', 'Cleo', 'Dev']) await vote(name, broken);
  await vote('Ben', slow);
  await reply('Dev', broken, 'Same problem here');
  await follow('Cleo', broken);

  // Dev: a helpful reply marked by staff; Cleo: a reply hidden then restored, one deleted.
  const helpful = await reply('Dev', csv, 'You can export from the reports page meanwhile.');
  await staff('mutation ($id: ID!) { markReplyHelpful(replyId: $id) { id } }', { id: helpful });
  const rude = await reply('Cleo', broken, 'You people never fix anything, idiots');
  await staff('mutation ($id: ID!) { hideReply(replyId: $id, reason: "Insulting") { id } }', { id: rude });
  await staff('mutation ($id: ID!) { restoreReply(replyId: $id) { id } }', { id: rude });
  const oops = await reply('Cleo', dark, 'Typo reply');
  await api.data('mutation ($id: ID!) { deleteReply(replyId: $id) }', { ...as('Cleo'), variables: { id: oops } });
  // An edit changes how a text feels.
  const meh = await post('Ben', 'A small request', 'It is fine I guess');
  await api.data('mutation ($i: EditThreadInput!) { editThread(input: $i) { id } }', {
    ...as('Ben'),
    variables: { i: { threadId: meh, body: 'Actually it is excellent and I love it' } },
  });
  // A visit through Ada's share link counts once per visitor and day.
  const { shareCode } = await api.data('mutation ($c: String!) { shareCode(community: $c) }', {
    ...as('Ada'),
    variables: { c: brand.slug },
  });
  // Two people (two addresses: the test server trusts one proxy), one of them twice.
  for (const [visitor, from] of [
    ['visitor-one', '203.0.113.1'],
    ['visitor-one', '203.0.113.1'],
    ['visitor-two', '203.0.113.2'],
  ]) {
    await api.data(
      'mutation ($c: String!, $k: String!, $v: String!, $t: ID) { recordShareVisit(community: $c, code: $k, visitor: $v, threadId: $t) }',
      {
        headers: { 'x-forwarded-for': from as string },
        variables: { c: brand.slug, k: shareCode, v: visitor, t: dark },
      },
    );
  }
}, 60_000);
afterAll(() => server?.close());

describe('the ranking', () => {
  it('is kept up to date as things happen, and a full recompute gives the same numbers', async () => {
    const incremental = await storedScores();
    expect(incremental.length).toBe(5);
    const result = await recomputeRanking(server.em(), brand.community.id);
    expect(result.members).toBe(5);
    expect(result.activities).toBeGreaterThan(30);
    const full = await storedScores();
    expect(full.map((r) => r.member)).toEqual(incremental.map((r) => r.member));
    for (const [i, row] of full.entries()) {
      const before = incremental[i] as typeof row;
      for (const key of ['love', 'reach', 'sentimentSum', 'sentimentWeight', 'score'] as const) {
        expect(row[key], `${key} of member ${i}`).toBeCloseTo(before[key], 6);
        expect(Math.abs(row[key] - before[key]) / Math.max(1, Math.abs(row[key])), key).toBeLessThan(1e-9);
      }
      expect(row.textCount).toBe(before.textCount);
    }
  });

  it('orders members by score, with love, reach and sentiment explained in the numbers', async () => {
    const all = await ranking();
    expect(all.map((e: any) => e.member.displayName)[0]).toBe('Ada');
    expect(all.map((e: any) => e.rank)).toEqual(all.map((_: unknown, i: number) => i + 1));
    const byName = Object.fromEntries(all.map((e: any) => [e.member.displayName, e]));
    // Ada: 2 threads (6), 1 reply (2), 1 active day (1), planned (5) + shipped (8) = 22 love
    // (the day counts from midnight, so it has decayed a little already).
    expect(byName.Ada.love).toBeCloseTo(22, 1);
    // Reach: 4 distinct votes (4); distinct repliers per thread, Ben and Cleo on one, Dev on the
    // other (6); 1 follower (1); 2 share visitors (4) = 15.
    expect(byName.Ada.reach).toBeCloseTo(15, 1);
    expect(byName.Ada.sentiment).toBeGreaterThan(0.2);
    expect(byName.Eve.sentiment).toBeLessThan(-0.2);
    expect(byName.Eve.textCount).toBe(3);
    // Dev: 2 votes (2), 2 replies (4), one marked helpful by staff (4), 1 active day (1) = 11.
    expect(byName.Dev.love).toBeCloseTo(11, 1);
    expect(byName.Ada.trend).toBeCloseTo(byName.Ada.score, 6);
  });

  it('suggests ambassadors and lists critics; a manager flags with a reason, audited', async () => {
    await staff(
      'mutation { updateRankingSettings(settings: { ambassadors: { percentile: 60, minRecentActivities: 2 }, critics: { reachPercentile: 40 } }) { id } }',
    );
    const suggested = (await ranking('SUGGESTED')).map((e: any) => e.member.displayName);
    expect(suggested).toContain('Ada');
    expect(suggested).not.toContain('Eve');
    const critics = (await ranking('CRITICS')).map((e: any) => e.member.displayName);
    expect(critics).toEqual(['Eve']);

    const flagged = await staff(
      'mutation ($id: ID!) { flagAmbassador(memberId: $id, reason: "Helps everyone") { isAmbassador } }',
      {
        id: ids.Ada,
      },
    );
    expect(flagged.flagAmbassador.isAmbassador).toBe(true);
    expect((await ranking('AMBASSADORS')).map((e: any) => e.member.displayName)).toEqual(['Ada']);
    expect((await ranking('SUGGESTED')).map((e: any) => e.member.displayName)).not.toContain('Ada');
    const again = await manager.error('mutation ($id: ID!) { flagAmbassador(memberId: $id, reason: "Twice") { id } }', {
      variables: { id: ids.Ada },
    });
    expect(again.code).toBe('BAD_USER_INPUT');
    const audit = await staff(
      'query ($s: String!) { community(slug: $s) { auditLog(first: 5, action: "member.") { edges { node { action after } } } } }',
      { s: brand.slug },
    );
    expect(audit.community.auditLog.edges[0].node).toMatchObject({
      action: 'member.ambassador',
      after: { reason: 'Helps everyone' },
    });
    // Customers see the badge.
    const thread = await api.data(
      'query ($s: String!) { community(slug: $s) { threads(first: 20) { edges { node { author { ... on Member { displayName isAmbassador } } } } } } }',
      { variables: { s: brand.slug } },
    );
    const authors = thread.community.threads.edges.map((e: any) => e.node.author);
    expect(authors.filter((a: any) => a.displayName === 'Ada').every((a: any) => a.isAmbassador)).toBe(true);
  });

  it('explains a score: its parts and the activities that count most', async () => {
    const data = await staff(
      `query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { score standing { score breakdown {
        love reach sentiment score settings { halfLifeDays score { love reach sentiment } }
        contributions { activityType component value at thread { title } } } } } } }`,
      { s: brand.slug, id: ids.Ada },
    );
    const { standing } = data.community.member;
    expect(standing.breakdown.score).toBeCloseTo(standing.score, 9);
    expect(data.community.member.score).toBeCloseTo(standing.score, 6);
    expect(standing.breakdown.settings.halfLifeDays).toBe(197);
    const top = standing.breakdown.contributions;
    expect(top[0]).toMatchObject({
      activityType: 'STATUS_CHANGED',
      component: 'LOVE',
      thread: { title: 'Dark mode would be wonderful' },
    });
    expect(top[0].value).toBeCloseTo(8, 3);
    expect(top.some((c: any) => c.activityType === 'SHARE_VISIT' && c.component === 'REACH')).toBe(true);
    expect(top.some((c: any) => c.component === 'SENTIMENT' && c.value > 0)).toBe(true);
  });

  it('refuses settings out of range, naming the setting', async () => {
    const error = await manager.error('mutation { updateRankingSettings(settings: { halfLifeDays: 5 }) { id } }');
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'settings.halfLifeDays' });
  });

  it('counts share visits once per visitor and address a day, and never the sharer visiting their own link', async () => {
    const { shareCode } = await api.data('mutation ($c: String!) { shareCode(community: $c) }', {
      ...as('Ada'),
      headers: { 'x-forwarded-for': '203.0.113.50' },
      variables: { c: brand.slug },
    });
    const visit = (visitor: string, from: string, name?: string) =>
      api.data(
        'mutation ($c: String!, $k: String!, $v: String!) { recordShareVisit(community: $c, code: $k, visitor: $v) }',
        {
          ...(name ? as(name) : {}),
          headers: { 'x-forwarded-for': from },
          variables: { c: brand.slug, k: shareCode, v: visitor },
        },
      );
    expect((await visit('visitor-one', '203.0.113.9')).recordShareVisit).toBe(false);
    expect((await visit('visitor-three', '203.0.113.3')).recordShareVisit).toBe(true);
    expect((await visit('visitor-ada-self', '203.0.113.4', 'Ada')).recordShareVisit).toBe(false);
    // Made-up visitor ids from one address count once a day: twelve tries, no more visits.
    let counted = 0;
    for (let i = 0; i < 12; i++) if ((await visit(`made-up-${i}-visitor`, '203.0.113.3')).recordShareVisit) counted++;
    expect(counted).toBe(0);
    // The sharer, signed out, from the address they shared from: not a visit either.
    expect((await visit('ada-signed-out', '203.0.113.50')).recordShareVisit).toBe(false);
    expect(
      await api.error(
        'mutation ($c: String!) { recordShareVisit(community: $c, code: "no way!", visitor: "visitor-x") }',
        { variables: { c: brand.slug } },
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});

describe('the pulse', () => {
  it('counts threads and replies, how customers feel, answered share and time to first reply, by day', async () => {
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const data = await staff(
      `query ($s: String!, $from: DateTime!, $to: DateTime!) { community(slug: $s) { pulse(from: $from, to: $to, bucket: DAY) {
        start threads replies newMembers sentiment answeredShare medianFirstReplyMinutes topics { word count } } } }`,
      { s: brand.slug, from, to },
    );
    const days = data.community.pulse;
    expect(days.length).toBe(4);
    const today = days.find((d: any) => d.threads > 0);
    expect(today.threads).toBe(5);
    expect(today.newMembers).toBe(5);
    // Eight written, one deleted by its author.
    expect(today.replies).toBe(7);
    // No staff member replied to anyone: nothing answered, no time to a first reply.
    expect(today.answeredShare).toBe(0);
    expect(today.medianFirstReplyMinutes).toBeNull();
    expect(today.sentiment).toBeTypeOf('number');
    expect(today.topics.length).toBeGreaterThan(0);
    const quiet = days.find((d: any) => d.threads === 0);
    expect(quiet.sentiment).toBeNull();
  });

  it('refuses a range too long, or backwards', async () => {
    const error = await manager.error(
      'query ($s: String!) { community(slug: $s) { pulse(from: "2020-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { threads } } }',
      { variables: { s: brand.slug } },
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const backwards = await manager.error(
      'query ($s: String!) { community(slug: $s) { pulse(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { threads } } }',
      { variables: { s: brand.slug } },
    );
    expect(backwards).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
