/**
 * Sentiment in the ranking when members write in other languages, through the API on a real
 * database: a German critic is found, a member writing only in a language without a lexicon is
 * "not measured" (never neutral) and kept out of the critics, the breakdown says which texts were
 * measured, and texts stored by the English-only scorer are read again after an upgrade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberScore, Reply, Thread } from '../entities/index.ts';
import { recomputeRanking } from '../services/ranking/recompute.ts';
import { rereadSentiment } from '../services/ranking/reread.ts';
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
const post = (name: string, title: string, body: string) => postThread(api, tokens[name], { title, body });
const reply = async (name: string, threadId: string, body: string) =>
  (
    await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      ...as(name),
      variables: { i: { threadId, body } },
    })
  ).reply.id as string;
const vote = (name: string, id: string) =>
  api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { ...as(name), variables: { id } });
const staff = (query: string, variables: Record<string, unknown> = {}) => manager.data(query, { variables });

const RANKING = `query ($s: String!, $segment: RankingSegment) { community(slug: $s) { ranking(first: 50, segment: $segment) {
  edges { node { sentiment textCount isCritic member { id displayName } } } } } }`;
const ranking = async (segment = 'ALL') =>
  (await staff(RANKING, { s: brand.slug, segment })).community.ranking.edges.map((e: { node: any }) => e.node);
const byName = async () => Object.fromEntries((await ranking()).map((e: any) => [e.member.displayName, e]));
const BREAKDOWN = `query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { standing { breakdown {
  sentiment textCount unmeasuredTextCount contributions { component value } } } } } }`;
const breakdown = async (name: string) =>
  (await staff(BREAKDOWN, { s: brand.slug, id: ids[name] })).community.member.standing.breakdown;

const GERMAN = [
  ['Das ist absolut schrecklich', 'Ich bin extrem enttäuscht und wütend. Nie wieder!'],
  ['Furchtbares Update', 'Alles ist kaputt, eine Katastrophe. Ich bin sehr unzufrieden.'],
];
const FINNISH = [
  ['Tämä on aivan kamalaa', 'Olen todella pettynyt ja vihainen. Ei enää koskaan!'],
  ['Kauhea päivitys', 'Kaikki on rikki, aivan hirveää. Olen erittäin tyytymätön.'],
];
let finnishReply = '';

async function storedScores() {
  const rows = await server
    .em()
    .find(MemberScore, { community: brand.community.id }, { ...ALL_COMMUNITIES, orderBy: { member: 'asc' } });
  return rows.map(({ love, reach, sentimentSum, sentimentWeight, textCount, score }) => ({
    love,
    reach,
    sentimentSum,
    sentimentWeight,
    textCount,
    score,
  }));
}

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  api = server.client();
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  for (const name of ['Greta', 'Fiona', 'Ada', 'V1', 'V2', 'V3']) {
    tokens[name] = await guestToken(api, brand.slug, name);
    ids[name] = (await api.data('{ viewer { member { id } } }', as(name))).viewer.member.id;
  }
  // Greta and Fiona are just as unhappy and just as heard; one writes German, the other Finnish.
  for (const [name, texts, closing] of [
    ['Greta', GERMAN, 'Der Support ist eine Schande, ich bin wirklich sehr verärgert und enttäuscht.'],
    ['Fiona', FINNISH, 'Tuki on häpeällinen, olen todella vihainen ja pettynyt.'],
  ] as const) {
    const threads = [];
    for (const [title, body] of texts) threads.push(await post(name, title as string, body as string));
    for (const thread of threads) for (const voter of ['V1', 'V2', 'V3']) await vote(voter, thread);
    const last = await reply(name, threads[0] as string, closing);
    if (name === 'Fiona') finnishReply = last;
  }
  await post('Ada', 'Wonderful update', 'I love the new dashboard, great work and thank you!');
  // Every member with any reach is considered by reach: the critics rule alone decides.
  await staff('mutation { updateRankingSettings(settings: { critics: { reachPercentile: 1 } }) { id } }');
}, 60_000);
afterAll(() => server?.close());

describe('sentiment in every language', () => {
  it('measures German as negative and leaves Finnish "not measured", never neutral', async () => {
    const members = await byName();
    expect(members.Greta.sentiment).toBeLessThan(-0.3);
    expect(members.Greta.textCount).toBe(3);
    expect(members.Fiona.sentiment).toBeNull();
    expect(members.Fiona.textCount).toBe(0);
    expect(members.Ada.sentiment).toBeGreaterThan(0.3);
  });

  it('lists the German critic and keeps the unmeasured member out of the critics', async () => {
    expect((await ranking('CRITICS')).map((e: any) => e.member.displayName)).toEqual(['Greta']);
    const members = await byName();
    expect(members.Greta.isCritic).toBe(true);
    expect(members.Fiona.isCritic).toBe(false);
  });

  it('says in the breakdown which texts were measured', async () => {
    const fiona = await breakdown('Fiona');
    expect(fiona).toMatchObject({ sentiment: null, textCount: 0, unmeasuredTextCount: 3 });
    const felt = fiona.contributions.filter((c: any) => c.component === 'SENTIMENT');
    expect(felt.length).toBe(3);
    expect(felt.every((c: any) => c.value === null)).toBe(true);
    const greta = await breakdown('Greta');
    expect(greta).toMatchObject({ textCount: 3, unmeasuredTextCount: 0 });
    const gretaFelt = greta.contributions.filter((c: any) => c.component === 'SENTIMENT');
    expect(gretaFelt.length).toBeGreaterThan(0);
    expect(gretaFelt.every((c: any) => c.value < 0)).toBe(true);
  });

  it('counts a text once an edit makes it measurable, and a full recompute agrees', async () => {
    await api.data('mutation ($i: EditReplyInput!) { editReply(input: $i) { id } }', {
      ...as('Fiona'),
      variables: { i: { replyId: finnishReply, body: 'Support is a disgrace, I am really angry and disappointed.' } },
    });
    const fiona = (await byName()).Fiona;
    expect(fiona.textCount).toBe(1);
    expect(fiona.sentiment).toBeLessThan(-0.3);
    expect((await breakdown('Fiona')).unmeasuredTextCount).toBe(2);
    const incremental = await storedScores();
    await recomputeRanking(server.em(), brand.community.id);
    const full = await storedScores();
    for (const [i, row] of full.entries()) {
      const before = incremental[i] as typeof row;
      for (const key of ['love', 'reach', 'sentimentSum', 'sentimentWeight', 'score'] as const) {
        expect(row[key], key).toBeCloseTo(before[key], 9);
      }
      expect(row.textCount).toBe(before.textCount);
    }
  });

  it('reads again the texts an older version scored as English, and recomputes the ranking', async () => {
    // As the English-only scorer left them: German and Finnish posts at 0, their language unknown.
    const em = server.em().fork();
    const legacy = { sentiment: 0, sentimentLanguage: null };
    await em.nativeUpdate(Thread, { community: brand.community.id }, legacy, ALL_COMMUNITIES);
    await em.nativeUpdate(Reply, { community: brand.community.id }, legacy, ALL_COMMUNITIES);
    await recomputeRanking(server.em(), brand.community.id);
    // The recompute read them first: nothing was left at 0 and unknown.
    const threads = await em.find(Thread, { community: brand.community.id }, ALL_COMMUNITIES);
    expect(new Set(threads.map((t) => t.sentimentLanguage))).toEqual(new Set(['de', 'fi', 'en']));
    for (const thread of threads) {
      if (thread.sentimentLanguage === 'de') expect(thread.sentiment).toBeLessThan(-0.3);
      if (thread.sentimentLanguage === 'fi') expect(thread.sentiment).toBeNull();
    }
    expect((await ranking('CRITICS')).map((e: any) => e.member.displayName)).toContain('Greta');

    // The background job finds such texts by itself and recomputes their communities.
    await em.nativeUpdate(Reply, { community: brand.community.id }, legacy, ALL_COMMUNITIES);
    expect(await rereadSentiment(server.em().fork())).toBeGreaterThanOrEqual(1);
    const replies = await em.fork().find(Reply, { community: brand.community.id }, ALL_COMMUNITIES);
    expect(replies.every((r) => r.sentimentLanguage != null)).toBe(true);
    expect(await rereadSentiment(server.em().fork())).toBe(0);
    const greta = (await byName()).Greta;
    expect(greta.textCount).toBe(3);
    expect(greta.sentiment).toBeLessThan(-0.3);
  });
});
