import { afterAll, beforeAll, expect, it } from 'vitest';
import { openScope } from '../../core/scope.ts';
import { Community, Member, MemberScore } from '../../entities/index.ts';
import { ALL_COMMUNITIES, createTestCommunity, guestToken, type TestCommunity } from '../../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../../testing/server.ts';
import { rankingPage } from './standing.ts';

let server: TestServer;
let brand: TestCommunity;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

it('counts a member level with the cut-off as above it, though their reach differs in the ninth digit', async () => {
  // Reach at the 75th percentile of four is the second highest; the third has the same reach to
  // eight digits (two people answered as often, a moment apart), and was left out.
  const people = { Loud: 10, Cut: 5.000000001, Level: 5, Quiet: 1 };
  const em = server.em().fork();
  for (const [name, reach] of Object.entries(people)) {
    await guestToken(server.client(), brand.slug, name);
    const member = await em.findOneOrFail(
      Member,
      { displayName: name, community: brand.community.id },
      ALL_COMMUNITIES,
    );
    // Unhappy and heard: sentiment −0.5 over four texts.
    em.create(MemberScore, {
      member,
      community: brand.community.id,
      love: 1,
      reach,
      sentimentSum: -2,
      sentimentWeight: 4,
      textCount: 4,
      score: reach,
    });
  }
  await em.flush();
  const page = await rankingPage(openScope(server.em(), brand.community.id, server.app.events), 'CRITICS', {});
  expect(page.standings.map((s) => s.member.displayName)).toEqual(['Loud', 'Cut', 'Level']);
  expect(page.standings.every((s) => s.isCritic)).toBe(true);
});

it('never lists as a critic someone whose texts were not measured, even when no texts are required', async () => {
  const other = await createTestCommunity(server.em());
  const em = server.em().fork();
  await em.nativeUpdate(
    Community,
    { id: other.community.id },
    { settings: { ranking: { critics: { reachPercentile: 1, minTexts: 0, maxSentiment: 0 } } } },
  );
  // Heard, but every text in a language without a lexicon: nothing measured, so no sentiment.
  for (const [name, sentimentSum, sentimentWeight, textCount] of [
    ['Unmeasured', 0, 0, 0],
    ['Unhappy', -2, 4, 4],
  ] as const) {
    await guestToken(server.client(), other.slug, name);
    const member = await em.findOneOrFail(
      Member,
      { displayName: name, community: other.community.id },
      ALL_COMMUNITIES,
    );
    em.create(MemberScore, {
      member,
      community: other.community.id,
      love: 1,
      reach: 5,
      sentimentSum,
      sentimentWeight,
      textCount,
      score: 5,
    });
  }
  await em.flush();
  const scope = openScope(server.em(), other.community.id, server.app.events);
  const critics = await rankingPage(scope, 'CRITICS', {});
  expect(critics.standings.map((s) => s.member.displayName)).toEqual(['Unhappy']);
  const all = await rankingPage(scope, 'ALL', {});
  const unmeasured = all.standings.find((s) => s.member.displayName === 'Unmeasured');
  expect(unmeasured).toMatchObject({ sentiment: null, isCritic: false });
});
