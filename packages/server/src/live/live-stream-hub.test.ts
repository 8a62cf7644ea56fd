/**
 * A hub reads one subscription for many subscribers: each event framed once and sent to every
 * tap, each subscriber's own start sent once the subscription has started, pings to keep them
 * open, every stream completed when the subscription ends, the subscription ended when the last
 * subscriber leaves, and a subscriber that stops reading cut off. A signed-in customer's tap is
 * checked before every event and sent their own answer where it differs, in order.
 */
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { LiveStreamHub, type SharedEvent, SseTap } from './live-stream-hub.ts';
import { nextFrame } from './sse-frames.ts';

/** An event whose answer for anyone is `data`, differing for the members `differsFor` names. */
const shared = (data: Record<string, unknown>, differsFor: string[] = []): SharedEvent => ({
  event: data,
  frame: nextFrame({ data }),
  differsFor: (member) => differsFor.includes(member),
});

/** A subscription fed by hand, already started, which records whether it was ended. */
function subscription({ started = true } = {}) {
  const state = { ended: false };
  const queue = new EventQueue<SharedEvent>(() => {
    state.ended = true;
  });
  if (started) queue.push(shared({ started: true }));
  const results = {
    push: (result: { data: Record<string, unknown> }) => queue.push(shared(result.data)),
    return: () => queue.return(),
  };
  return { queue, results, state };
}

const START = Buffer.from('event: next\ndata: {"data":{"start":true}}\n\n');

/** Everything a tap has been sent so far, as text. */
function received(tap: SseTap): () => string {
  let text = '';
  tap.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

it('sends every tap each result, framed once, after the comment every stream starts with', async () => {
  const { queue, results } = subscription();
  const hub = new LiveStreamHub(queue, 60_000, () => {});
  const taps = [new SseTap(), new SseTap()];
  const texts = taps.map(received);
  for (const tap of taps) hub.add(tap, START);
  results.push({ data: { n: 1 } });
  await settle();
  for (const text of texts) expect(text()).toBe(`:\n\n${START}event: next\ndata: {"data":{"n":1}}\n\n`);
  const frames: Buffer[] = [];
  for (const tap of taps) tap.on('data', (chunk: Buffer) => frames.push(chunk));
  results.push({ data: { n: 2 } });
  await settle();
  expect(frames).toHaveLength(2);
  expect(frames[0]).toBe(frames[1]);
});

it('completes every stream when the subscription ends, and takes no one after', async () => {
  const { queue, results } = subscription();
  let ended = 0;
  const hub = new LiveStreamHub(queue, 60_000, () => ended++);
  const tap = new SseTap();
  const text = received(tap);
  hub.add(tap, START);
  await results.return();
  await settle();
  expect(text()).toBe(`:\n\n${START}event: complete\ndata:\n\n`);
  expect(tap.readableEnded).toBe(true);
  expect(hub.open).toBe(false);
  expect(ended).toBe(1);
  const late = new SseTap();
  const lateText = received(late);
  hub.add(late, START);
  await settle();
  expect(lateText()).toBe(':\n\nevent: complete\ndata:\n\n');
});

it('ends the subscription when its last subscriber leaves, not before', async () => {
  const { queue, results, state } = subscription();
  let ended = 0;
  const hub = new LiveStreamHub(queue, 60_000, () => ended++);
  const [first, second] = [new SseTap(), new SseTap()];
  hub.add(first, START);
  hub.add(second, START);
  first.destroy();
  await settle();
  expect(state.ended).toBe(false);
  const text = received(second);
  results.push({ data: { n: 1 } });
  await settle();
  expect(text()).toContain('"n":1');
  second.destroy();
  await settle();
  expect(state.ended).toBe(true);
  expect(hub.open).toBe(false);
  expect(ended).toBe(1);
});

it('pings every subscriber while nothing happens', async () => {
  const { queue } = subscription();
  const hub = new LiveStreamHub(queue, 20, () => {});
  const tap = new SseTap();
  const text = received(tap);
  hub.add(tap, START);
  await expect.poll(() => text().split(':\n\n').length - 1).toBeGreaterThanOrEqual(3);
  tap.destroy();
});

it('cuts off a subscriber that stopped reading, with its connection', async () => {
  const { queue, results } = subscription();
  const hub = new LiveStreamHub(queue, 60_000, () => {});
  const reading = new SseTap();
  received(reading);
  const stalled = new SseTap();
  // Piped to a connection that takes nothing more once its small buffer is full.
  const connection = new PassThrough({ highWaterMark: 1024 });
  stalled.pipe(connection);
  hub.add(reading, START);
  hub.add(stalled, START);
  const big = { data: { text: 'x'.repeat(64 * 1024) } };
  for (let i = 0; i < 20; i++) {
    results.push(big);
    await settle();
  }
  expect(stalled.destroyed).toBe(true);
  expect(connection.destroyed).toBe(true);
  expect(reading.destroyed).toBe(false);
  reading.destroy();
});

it('sends nothing more once a stream is complete', async () => {
  const tap = new SseTap();
  const text = received(tap);
  const errors: unknown[] = [];
  tap.on('error', (error) => errors.push(error));
  tap.complete();
  tap.send(Buffer.from('event: next\ndata: {}\n\n'));
  tap.complete();
  await settle();
  expect(errors).toEqual([]);
  expect(text()).toBe(':\n\nevent: complete\ndata:\n\n');
});

it("sends a subscriber its own start only once the hub's subscription has started", async () => {
  const { queue } = subscription({ started: false });
  const hub = new LiveStreamHub(queue, 60_000, () => {});
  const tap = new SseTap();
  const text = received(tap);
  hub.add(tap, START);
  await settle();
  expect(text()).toBe(':\n\n');
  queue.push(shared({ started: true }));
  await settle();
  // The hub's own start is not sent: each subscriber has its own.
  expect(text()).toBe(`:\n\n${START}`);
  tap.destroy();
});

it('checks a signed-in customer before every event, and sends them their own answer where it differs', async () => {
  const { queue } = subscription();
  const hub = new LiveStreamHub(queue, 60_000, () => {});
  let signedIn = true;
  const asked: unknown[] = [];
  const customer = new SseTap({
    memberId: 'm1',
    recheck: async () => signedIn,
    own: async (event) => {
      asked.push(event);
      // Slower than anyone's answer: their events still arrive in order.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return nextFrame({ data: { ...(event as object), own: true } });
    },
  });
  const text = received(customer);
  hub.add(customer, START);
  queue.push(shared({ n: 1 }, ['m1']));
  queue.push(shared({ n: 2 }, ['m2']));
  await expect.poll(() => text()).toContain('"n":2');
  expect(text()).toBe(
    `:\n\n${START}event: next\ndata: {"data":{"n":1,"own":true}}\n\nevent: next\ndata: {"data":{"n":2}}\n\n`,
  );
  expect(asked).toEqual([{ n: 1 }]);
  signedIn = false;
  queue.push(shared({ n: 3 }));
  await expect.poll(() => customer.readableEnded || text().endsWith('event: complete\ndata:\n\n')).toBe(true);
  expect(text()).not.toContain('"n":3');
  expect(hub.open).toBe(true);
});

it('cuts off a customer whose own answers fall too far behind, and no one else', async () => {
  const { queue } = subscription();
  const hub = new LiveStreamHub(queue, 60_000, () => {});
  const stuck = new SseTap({ memberId: 'm1', recheck: async () => true, own: () => new Promise(() => {}) });
  received(stuck);
  const anonymous = new SseTap();
  const text = received(anonymous);
  hub.add(stuck, START);
  hub.add(anonymous, START);
  for (let i = 0; i < 300; i++) {
    queue.push(shared({ n: i }, ['m1']));
    if (i % 50 === 0) await settle();
  }
  await expect.poll(() => stuck.destroyed).toBe(true);
  await expect.poll(() => text()).toContain('"n":299');
  expect(anonymous.destroyed).toBe(false);
  anonymous.destroy();
});
