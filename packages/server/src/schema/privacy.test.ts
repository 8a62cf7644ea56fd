/**
 * People's own data, over the API: a member downloads everything held about them; deleting an
 * account waits out the grace period (and can be cancelled), then erases their personal data:
 * their posts stay as "Deleted member" or go, as the community chose; votes stay in the counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, Member, Vote, WebhookDelivery } from '../entities/index.ts';
import { eraseDue } from '../services/erasure.ts';
import { ALL_COMMUNITIES, guestToken, postThread, rawId, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestBrand, type TestServer } from '../testing/server.ts';

const DAY = 86_400_000;
let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let manager: GraphQLClient;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const threads: Record<string, string> = {};

const as = (name: string) => ({ token: tokens[name] });
const reply = (name: string, threadId: string, body: string) =>
  api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    ...as(name),
    variables: { i: { threadId, body } },
  });
const thread = (id: string) =>
  api.request(
    'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { title voteCount replyCount author { displayName } replies(first: 10) { edges { node { body author { displayName } } } } } } }',
    { variables: { s: brand.slug, id } },
  );

beforeAll(async () => {
  ({ server, brand, api, manager } = await startTestBrand());
  for (const name of ['Ada', 'Bob', 'Cy']) {
    tokens[name] = await guestToken(api, brand.slug, name);
    ids[name] = (await api.data('{ viewer { member { id } } }', as(name))).viewer.member.id;
  }
  threads.ada = await postThread(api, tokens.Ada, { title: 'Ada’s idea', body: 'Mine.' });
  threads.bob = await postThread(api, tokens.Bob, { title: 'Bob’s idea', body: 'His.' });
  threads.cy = await postThread(api, tokens.Cy, { title: 'Cy’s idea', body: 'Theirs.' });
  await reply('Ada', threads.bob, 'Ada replies to Bob.');
  await api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', {
    ...as('Ada'),
    variables: { id: threads.bob },
  });
  await api.data('mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }', as('Ada'));
  await manager.data('mutation { createWebhook(url: "http://127.0.0.1:9/x", events: [MEMBER_ERASED]) { secret } }');
});
afterAll(() => server?.close());

describe("a member's own data", () => {
  it('exports everything held about the member as JSON', async () => {
    const data = (await api.data('{ viewer { dataExport } }', as('Ada'))).viewer.dataExport;
    expect(data).toMatchObject({
      format: 'rapport-member-export',
      version: 1,
      community: { slug: brand.slug },
      member: { id: rawId(ids.Ada as string), displayName: 'Ada', kind: 'GUEST' },
    });
    expect(data.threads.map((t: { title: string }) => t.title)).toEqual(['Ada’s idea']);
    expect(data.replies.map((r: { body: string; threadTitle: string }) => [r.threadTitle, r.body])).toEqual([
      ['Bob’s idea', 'Ada replies to Bob.'],
    ]);
    expect(data.votes.map((v: { threadTitle: string }) => v.threadTitle)).toEqual(['Bob’s idea']);
    expect(data.follows.map((f: { threadTitle: string }) => f.threadTitle).sort()).toEqual([
      'Ada’s idea',
      'Bob’s idea',
    ]);
    expect(data.consents).toMatchObject([{ purpose: 'PRODUCT_UPDATES', granted: true, source: 'WIDGET' }]);
    // Nobody else's data, and nothing for staff.
    expect(JSON.stringify(data)).not.toContain('Cy’s idea');
    expect((await manager.data('{ viewer { dataExport } }')).viewer.dataExport).toBeNull();
  });

  it('erases after the grace period, which the member can cancel', async () => {
    const due = new Date((await api.data('mutation { requestAccountDeletion }', as('Ada'))).requestAccountDeletion);
    expect(Math.abs(due.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);
    expect((await api.data('{ viewer { deletionDueAt } }', as('Ada'))).viewer.deletionDueAt).toBe(due.toISOString());
    expect((await api.data('mutation { cancelAccountDeletion }', as('Ada'))).cancelAccountDeletion).toBe(true);
    expect((await api.data('{ viewer { deletionDueAt } }', as('Ada'))).viewer.deletionDueAt).toBeNull();
    const nothing = await api.request('mutation { cancelAccountDeletion }', as('Ada'));
    expect(nothing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    await api.data('mutation { requestAccountDeletion }', as('Ada'));
    const em = server.em();
    expect(await eraseDue(em, new Date(Date.now() + 6 * DAY))).toBe(0);
    expect(await eraseDue(em, new Date(Date.now() + 8 * DAY))).toBe(1);

    const ada = await server.em().findOneOrFail(Member, { id: rawId(ids.Ada as string) }, ALL_COMMUNITIES);
    expect(ada).toMatchObject({ displayName: 'Deleted member', email: null, guestTokenHash: null, externalId: null });
    expect(ada.erasedAt).toBeInstanceOf(Date);
    // Signed out for good.
    const after = await api.request('{ viewer { kind } }', as('Ada'));
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // KEEP (the default): the posts stay, by "Deleted member"; the vote stays in the count.
    const mine = (await thread(threads.ada as string)).data?.community.thread;
    expect(mine).toMatchObject({ title: 'Ada’s idea', author: { displayName: 'Deleted member' } });
    const bobs = (await thread(threads.bob as string)).data?.community.thread;
    expect(bobs.voteCount).toBe(1);
    expect(bobs.replies.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { body: 'Ada replies to Bob.', author: { displayName: 'Deleted member' } },
    ]);
    expect(await server.em().count(Vote, { member: ada.id }, ALL_COMMUNITIES)).toBe(0);
    // Recorded, and told to the brand's systems.
    expect(await server.em().count(AuditLog, { action: 'member.erase', targetId: ada.id }, ALL_COMMUNITIES)).toBe(1);
    expect(await server.em().count(WebhookDelivery, { event: 'member.erased' }, ALL_COMMUNITIES)).toBe(1);
    // Gone from the members list.
    const list = await manager.data(
      'query ($s: String!) { community(slug: $s) { members(first: 20) { edges { node { displayName } } } } }',
      {
        variables: { s: brand.slug },
      },
    );
    expect(
      list.community.members.edges.map((e: { node: { displayName: string } }) => e.node.displayName),
    ).not.toContain('Deleted member');
  });

  it("removes the posts instead when the community chose so, and checks the manager's settings", async () => {
    const bad = await manager.request('mutation { updatePrivacySettings(deletionGraceDays: 0) { deletionGraceDays } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deletionGraceDays' });
    const set = await manager.data(
      'mutation { updatePrivacySettings(deletionGraceDays: 1, erasedContent: REMOVE) { deletionGraceDays erasedContent } }',
    );
    expect(set.updatePrivacySettings).toEqual({ deletionGraceDays: 1, erasedContent: 'REMOVE' });
    await reply('Cy', threads.bob as string, 'Cy replies to Bob.');
    expect((await thread(threads.bob as string)).data?.community.thread.replyCount).toBe(2);

    await api.data('mutation { requestAccountDeletion }', as('Cy'));
    expect(await eraseDue(server.em(), new Date(Date.now() + 2 * DAY))).toBe(1);
    const gone = await thread(threads.cy as string);
    expect(gone.data?.community.thread ?? null).toBeNull();
    const bobs = (await thread(threads.bob as string)).data?.community.thread;
    expect(bobs.replyCount).toBe(1);
    expect(bobs.replies.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(['Ada replies to Bob.']);
  });
});
