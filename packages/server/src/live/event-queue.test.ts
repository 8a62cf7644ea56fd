import { expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';

it('delivers pushed items in order, to a waiting or a later reader', async () => {
  const queue = new EventQueue<number>(() => {});
  const waiting = queue.next();
  queue.push(1);
  queue.push(2);
  expect(await waiting).toEqual({ value: 1, done: false });
  expect(await queue.next()).toEqual({ value: 2, done: false });
});

it('keeps only the newest items for a reader that falls behind', async () => {
  const queue = new EventQueue<number>(() => {}, 3);
  for (let i = 1; i <= 5; i++) queue.push(i);
  const read = [await queue.next(), await queue.next(), await queue.next()].map((r) => r.value);
  expect(read).toEqual([3, 4, 5]);
});

it('closes once, ends a waiting reader, and ignores later pushes', async () => {
  let closed = 0;
  const queue = new EventQueue<number>(() => closed++);
  const waiting = queue.next();
  await queue.return();
  await queue.return();
  queue.push(1);
  expect(closed).toBe(1);
  expect(await waiting).toEqual({ value: undefined, done: true });
  expect(await queue.next()).toEqual({ value: undefined, done: true });
});

it('closes even if nobody ever read from it', async () => {
  let closed = false;
  const queue = new EventQueue<number>(() => {
    closed = true;
  });
  await queue.return();
  expect(closed).toBe(true);
});
