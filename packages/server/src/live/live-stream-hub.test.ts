/**
 * A hub reads one subscription for many subscribers: each result framed once and sent to every
 * tap, pings to keep them open, every stream completed when the subscription ends, the
 * subscription ended when the last subscriber leaves, and a subscriber that stops reading cut off.
 */
import { PassThrough } from 'node:stream';
import type { ExecutionResult } from 'graphql';
import { expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { LiveStreamHub, SseTap } from './live-stream-hub.ts';

/** A subscription fed by hand, which records whether it was ended. */
function subscription() {
  const state = { ended: false };
  const results = new EventQueue<ExecutionResult>(() => {
    state.ended = true;
  });
  return { results, state };
}

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
  const { results } = subscription();
  const hub = new LiveStreamHub(results, 60_000, () => {});
  const taps = [new SseTap(), new SseTap()];
  const texts = taps.map(received);
  for (const tap of taps) hub.add(tap);
  results.push({ data: { n: 1 } });
  await settle();
  for (const text of texts) expect(text()).toBe(':\n\nevent: next\ndata: {"data":{"n":1}}\n\n');
  const frames: Buffer[] = [];
  for (const tap of taps) tap.on('data', (chunk: Buffer) => frames.push(chunk));
  results.push({ data: { n: 2 } });
  await settle();
  expect(frames).toHaveLength(2);
  expect(frames[0]).toBe(frames[1]);
});

it('completes every stream when the subscription ends, and takes no one after', async () => {
  const { results } = subscription();
  let ended = 0;
  const hub = new LiveStreamHub(results, 60_000, () => ended++);
  const tap = new SseTap();
  const text = received(tap);
  hub.add(tap);
  await results.return();
  await settle();
  expect(text()).toBe(':\n\nevent: complete\ndata:\n\n');
  expect(tap.readableEnded).toBe(true);
  expect(hub.open).toBe(false);
  expect(ended).toBe(1);
  const late = new SseTap();
  const lateText = received(late);
  hub.add(late);
  await settle();
  expect(lateText()).toBe(':\n\nevent: complete\ndata:\n\n');
});

it('ends the subscription when its last subscriber leaves, not before', async () => {
  const { results, state } = subscription();
  let ended = 0;
  const hub = new LiveStreamHub(results, 60_000, () => ended++);
  const [first, second] = [new SseTap(), new SseTap()];
  hub.add(first);
  hub.add(second);
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
  const { results } = subscription();
  const hub = new LiveStreamHub(results, 20, () => {});
  const tap = new SseTap();
  const text = received(tap);
  hub.add(tap);
  await expect.poll(() => text().split(':\n\n').length - 1).toBeGreaterThanOrEqual(3);
  tap.destroy();
});

it('cuts off a subscriber that stopped reading, with its connection', async () => {
  const { results } = subscription();
  const hub = new LiveStreamHub(results, 60_000, () => {});
  const reading = new SseTap();
  received(reading);
  const stalled = new SseTap();
  // Piped to a connection that takes nothing more once its small buffer is full.
  const connection = new PassThrough({ highWaterMark: 1024 });
  stalled.pipe(connection);
  hub.add(reading);
  hub.add(stalled);
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
