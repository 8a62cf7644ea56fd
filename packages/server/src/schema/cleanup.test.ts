/**
 * Clean-up over the API: the preview shows exactly who a rule takes; confirming schedules exactly
 * those (still matching) for erasure after the grace period; undo keeps them; the erasure then
 * takes exactly the previewed members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../entities/id.ts';
import { Cleanup, Member, OutboxMessage } from '../entities/index.ts';
import { eraseDue } from '../services/erasure.ts';
import { ALL_COMMUNITIES, guestToken, postThread, rawId, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestBrand, type TestServer } from '../testing/server.ts';

const DAY = 86_400_000;
let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let manager: GraphQLClient;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const PREVIEW = `query ($s: String!, $r: CleanupRule!, $d: Int) { community(slug: $s) { cleanupPreview(rule: $r, inactiveDays: $d) {
  total memberIds members { displayName } candidates { member { displayName } reason lastActiveAt } } } }`;
const preview = async (rule: string, inactiveDays?: number) =>
  (await manager.data(PREVIEW, { variables: { s: brand.slug, r: rule, d: inactiveDays } })).community.cleanupPreview;
const RUN = `mutation ($r: CleanupRule!, $d: Int, $ids: [ID!]!) { runCleanup(rule: $r, inactiveDays: $d, memberIds: $ids) {
  skipped cleanup { id rule memberCount dueAt canUndo } } }`;
const member = (name: string) => server.em().findOneOrFail(Member, { id: rawId(ids[name] as string) }, ALL_COMMUNITIES);

beforeAll(async () => {
  ({ server, brand, api, manager } = await startTestBrand());
  for (const name of ['Old', 'OldButAgreed', 'Recent', 'Unsub', 'Bounced', 'UnsubButPosting', 'UnsubButVisiting']) {
    tokens[name] = await guestToken(api, brand.slug, name);
    ids[name] = (await api.data('{ viewer { member { id } } }', { token: tokens[name] })).viewer.member.id;
  }
  // Only Old is inactive without any consent: the others agreed to product updates.
  for (const name of ['OldButAgreed', 'Unsub', 'Bounced', 'UnsubButPosting']) {
    await api.data('mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }', {
      token: tokens[name],
    });
  }
  for (const name of ['Unsub', 'UnsubButPosting', 'UnsubButVisiting']) {
    await api.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: false) { granted } }', {
      token: tokens[name],
    });
  }
  // Turning emails off is not leaving: this one posts (by email, say, so the widget never sees them).
  await postThread(api, tokens.UnsubButPosting, { title: 'Still here, just no emails' });
  const em = server.em();
  const longAgo = new Date(Date.now() - 400 * DAY);
  await em.nativeUpdate(
    Member,
    { id: { $in: ['Old', 'OldButAgreed', 'Unsub', 'Bounced', 'UnsubButPosting'].map((n) => rawId(ids[n] as string)) } },
    { lastSeenAt: longAgo },
    ALL_COMMUNITIES,
  );
  await em.insertMany(OutboxMessage, [
    {
      id: newId(),
      community: brand.community.id,
      member: rawId(ids.Bounced as string),
      purpose: 'THREAD_NOTIFICATIONS',
      dedupeKey: `test:${newId()}`,
      subject: 'x',
      body: 'x',
      status: 'FAILED',
      dueAt: new Date(),
      digest: false,
      attempts: 8,
      createdAt: new Date(),
    },
  ] as never);
});
afterAll(() => server?.close());

describe('clean-up', () => {
  it('previews exactly who each rule takes', async () => {
    expect((await preview('INACTIVE_WITHOUT_CONSENT', 365)).members).toEqual([{ displayName: 'Old' }]);
    // Only the one who left: not the member who posts, nor the one who visits, with emails off.
    const unsubscribed = await preview('UNSUBSCRIBED');
    expect(unsubscribed.members).toEqual([{ displayName: 'Unsub' }]);
    expect(unsubscribed.candidates).toEqual([
      { member: { displayName: 'Unsub' }, reason: 'EMAILS_TURNED_OFF', lastActiveAt: expect.any(String) },
    ]);
    expect(Date.now() - new Date(unsubscribed.candidates[0].lastActiveAt).getTime()).toBeGreaterThan(399 * DAY);
    expect((await preview('BOUNCED')).candidates).toEqual([
      { member: { displayName: 'Bounced' }, reason: 'DELIVERY_FAILED', lastActiveAt: expect.any(String) },
    ]);
    expect((await preview('INACTIVE_WITHOUT_CONSENT', 365)).candidates[0].reason).toBe('NOT_SEEN_WITHOUT_CONSENT');
    const bad = await manager.request(PREVIEW, { variables: { s: brand.slug, r: 'INACTIVE_WITHOUT_CONSENT', d: 5 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inactiveDays' });
  });

  it('keeps a clean-up within a saved segment', async () => {
    const save = async (granted: boolean) =>
      (
        await manager.data(
          'mutation ($g: Boolean!) { saveSegment(name: "News", rules: { consent: { purpose: PRODUCT_UPDATES, granted: $g } }) { id } }',
          { variables: { g: granted } },
        )
      ).saveSegment.id as string;
    const agreed = await save(true);
    const notAgreed = await save(false);
    const within = async (segmentId: string) =>
      (
        await manager.data(
          `query ($s: String!, $g: ID) { community(slug: $s) { cleanupPreview(rule: BOUNCED, segmentId: $g) { members { displayName } } } }`,
          { variables: { s: brand.slug, g: segmentId } },
        )
      ).community.cleanupPreview.members;
    expect(await within(agreed)).toEqual([{ displayName: 'Bounced' }]);
    expect(await within(notAgreed)).toEqual([]);
    const unknown = await manager.request(
      `query ($s: String!) { community(slug: $s) { cleanupPreview(rule: BOUNCED, segmentId: "00000000-0000-4000-8000-000000000000") { total } } }`,
      { variables: { s: brand.slug } },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'segmentId' });
    for (const id of [agreed, notAgreed]) {
      await manager.data('mutation ($id: ID!) { deleteSegment(id: $id) }', { variables: { id } });
    }
  });

  it('schedules exactly the confirmed members, can be undone, and erases what the preview showed', async () => {
    const inactive = await preview('INACTIVE_WITHOUT_CONSENT', 365);
    // A member who does not match (Recent) is left alone, and said so.
    const run = await manager.data(RUN, {
      variables: { r: 'INACTIVE_WITHOUT_CONSENT', d: 365, ids: [...inactive.memberIds, ids.Recent] },
    });
    expect(run.runCleanup).toMatchObject({
      skipped: 1,
      cleanup: { rule: 'INACTIVE_WITHOUT_CONSENT', memberCount: 1, canUndo: true },
    });
    expect(Math.abs(new Date(run.runCleanup.cleanup.dueAt).getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);
    expect((await member('Old')).deletionDueAt).toBeInstanceOf(Date);
    expect((await preview('INACTIVE_WITHOUT_CONSENT', 365)).total).toBe(0); // on its way out already

    const unsub = await preview('UNSUBSCRIBED');
    const undone = await manager.data(RUN, { variables: { r: 'UNSUBSCRIBED', ids: unsub.memberIds } });
    const undo = await manager.data('mutation ($id: ID!) { undoCleanup(id: $id) { canUndo undoneAt } }', {
      variables: { id: undone.runCleanup.cleanup.id },
    });
    expect(undo.undoCleanup.canUndo).toBe(false);
    expect((await member('Unsub')).deletionDueAt).toBeNull();
    const twice = await manager.request('mutation ($id: ID!) { undoCleanup(id: $id) { id } }', {
      variables: { id: undone.runCleanup.cleanup.id },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // After the grace period: exactly the previewed (and not undone) members are erased.
    const before = await server.em().find(Member, { community: brand.community.id, erasedAt: null }, ALL_COMMUNITIES);
    expect(await eraseDue(server.em(), new Date(Date.now() + 8 * DAY))).toBe(1);
    const after = await server.em().find(Member, { community: brand.community.id, erasedAt: null }, ALL_COMMUNITIES);
    const erased = before.filter((m) => !after.some((a) => a.id === m.id)).map((m) => m.id);
    expect(erased).toEqual(inactive.memberIds.map(rawId));
    expect((await member('Old')).displayName).toBe('Deleted member');

    // Too late to undo once the grace period is over.
    const em = server.em();
    await em.nativeUpdate(
      Cleanup,
      { id: run.runCleanup.cleanup.id },
      { dueAt: new Date(Date.now() - 1000) },
      ALL_COMMUNITIES,
    );
    const late = await manager.request('mutation ($id: ID!) { undoCleanup(id: $id) { id } }', {
      variables: { id: run.runCleanup.cleanup.id },
    });
    expect(late.errors?.[0]?.message).toMatch(/Too late/);
  });

  it('refuses a run with nobody who matches', async () => {
    const none = await manager.request(RUN, { variables: { r: 'BOUNCED', ids: [ids.Recent] } });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberIds' });
  });
});
