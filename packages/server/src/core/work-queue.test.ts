import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook, WebhookDelivery } from '../entities/index.ts';
import { ALL_COMMUNITIES, guestToken, postThread } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';
import { bindEm } from './scope.ts';
import { CLAIM_MS, claimRows, Lanes, settle } from './work-queue.ts';

describe('claims', () => {
  let t: TestBrand;
  let id: string;
  beforeAll(async () => {
    t = await startTestBrand({ backgroundJobs: false });
    const em = bindEm(t.server.em(), t.brand.community.id);
    em.create(Webhook, {
      community: t.brand.community.id,
      url: 'http://127.0.0.1:9/',
      events: ['thread.created'],
      secret: 's',
    });
    await em.flush();
    await postThread(t.api, await guestToken(t.api, t.brand.slug, 'Gia'), { title: 'A delivery to claim' });
    id = ((await t.server.em().find(WebhookDelivery, {}, ALL_COMMUNITIES))[0] as WebhookDelivery).id;
  });
  afterAll(() => t?.server.close());

  it('an outcome is recorded only by the worker that still holds the row', async () => {
    const em = t.server.em();
    const now = new Date();
    const first = await claimRows(em, WebhookDelivery, [id], now);
    expect(first?.ids).toEqual([id]);
    // Held: nobody else gets it.
    expect(await claimRows(em, WebhookDelivery, [id], now)).toBeNull();
    // The first worker stalled past its claim; another takes the row over.
    const second = await claimRows(em, WebhookDelivery, [id], new Date(now.getTime() + CLAIM_MS + 1));
    expect(second?.ids).toEqual([id]);
    expect(second?.token).not.toBe(first?.token);
    // The stalled worker's outcome is not recorded; the new holder's is.
    expect(await settle(em, WebhookDelivery, first as never, { status: 'DELIVERED' })).toBe(false);
    expect((await t.server.em().findOneOrFail(WebhookDelivery, { id }, ALL_COMMUNITIES)).status).toBe('PENDING');
    expect(await settle(em, WebhookDelivery, second as never, { status: 'FAILED', lastError: 'x' })).toBe(true);
    const row = await t.server.em().findOneOrFail(WebhookDelivery, { id }, ALL_COMMUNITIES);
    expect(row).toMatchObject({ status: 'FAILED', claimedBy: null, claimedUntil: null });
  });
});

describe('lanes', () => {
  it('holds at most so many at once, and so many for one community', async () => {
    const lanes = new Lanes({ total: 3, perCommunity: 2, onError: () => {} });
    const release: (() => void)[] = [];
    const work = () => new Promise<void>((resolve) => release.push(resolve));
    lanes.run('a', work);
    lanes.run('a', work);
    expect(lanes.canTake('a')).toBe(false);
    expect(lanes.fullCommunities()).toEqual(['a']);
    expect(lanes.canTake('b')).toBe(true);
    lanes.run('b', work);
    expect(lanes.full).toBe(true);
    expect(lanes.canTake('c')).toBe(false);
    release.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lanes.canTake('a')).toBe(true);
    expect(lanes.fullCommunities()).toEqual([]);
    for (const done of release.splice(0)) done();
    await lanes.idle();
    expect(lanes.full).toBe(false);
  });

  it('hands a failure to onError and frees the lane', async () => {
    const errors: unknown[] = [];
    const lanes = new Lanes({ total: 1, perCommunity: 1, onError: (e) => errors.push(e) });
    lanes.run('a', async () => {
      throw new Error('boom');
    });
    await lanes.idle();
    expect(errors).toHaveLength(1);
    expect(lanes.canTake('a')).toBe(true);
  });
});
