/**
 * Requests take turns (turn-taking.ts): first come first served, as many a turn as keep the turn
 * short, so that a busy server still accepts new connections (Node accepts one a turn).
 */
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { turnTaking } from './turn-taking.ts';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The turn of the event loop (counted from now) in which each of `starts` began. */
async function turnsOf(starts: Promise<void>[]): Promise<number[]> {
  let turns = 0;
  let done = false;
  const count = () => {
    turns++;
    if (!done) setImmediate(count);
  };
  setImmediate(count);
  const at = await Promise.all(starts.map((s) => s.then(() => turns)));
  done = true;
  return at;
}

describe('turn taking', () => {
  it('starts requests in the order they came, one a turn while each turn runs long', async () => {
    let clock = 0;
    // Every reading of the clock is 20 ms after the last: each turn took longer than a turn may.
    const { take } = turnTaking(() => (clock += 20));
    const order: number[] = [];
    const starts = [0, 1, 2, 3, 4].map((i) => take().then(() => void order.push(i)));
    const at = await turnsOf(starts);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(at).size).toBe(5);
  });

  it('starts cheap requests several a turn', async () => {
    const { take } = turnTaking(() => 0); // every turn took no time
    const order: number[] = [];
    const starts = Array.from({ length: 20 }, (_, i) => take().then(() => void order.push(i)));
    const at = await turnsOf(starts);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(at).size).toBeLessThan(10);
    // Idle, then a burst that may be of costly requests: one at a time again.
    for (let i = 0; i < 3; i++) await turn();
    const again = await turnsOf(Array.from({ length: 5 }, () => take()));
    expect(again.filter((t) => t === again[0])).toHaveLength(1);
  });

  it('stops going round once nothing waits', async () => {
    let readings = 0;
    const { take } = turnTaking(() => {
      readings++;
      return 0;
    });
    await Promise.all([take(), take(), take()]);
    for (let i = 0; i < 5; i++) await turn();
    const settled = readings;
    for (let i = 0; i < 5; i++) await turn();
    expect(readings).toBe(settled);
    await take(); // and starts again for the next
  });

  it('halves its batches once turns run long', async () => {
    let readings = 0;
    // Cheap for 12 turns, then every turn takes 20 ms.
    const { take } = turnTaking(() => (++readings <= 12 ? 0 : readings * 20));
    const at = await turnsOf(Array.from({ length: 200 }, () => take()));
    const batches = [...at.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<number, number>()).values()];
    const largest = Math.max(...batches);
    const after = batches.slice(batches.indexOf(largest) + 1);
    expect(largest).toBeGreaterThanOrEqual(8);
    // Halved each long turn, down to one at a time.
    for (const [i, size] of after.slice(0, 3).entries()) {
      expect(size).toBeLessThanOrEqual(Math.ceil(largest / 2 ** (i + 1)));
    }
    expect(after.slice(4).every((size) => size === 1)).toBe(true);
  });

  it('keeps to small batches while requests come one at a time', async () => {
    const turns = turnTaking(() => 0);
    // One request a turn for 20 turns: never a full batch past the first, so no reason to grow.
    for (let i = 0; i < 20; i++) await turns.take();
    const burst = Array.from({ length: 10 }, () => turns.take());
    const at = await turnsOf(burst);
    expect(at.filter((t) => t === at[0]).length).toBeLessThanOrEqual(2);
  });
});

describe('a busy server', () => {
  let server: TestServer;
  let brand: TestCommunity;
  beforeAll(async () => {
    server = await startTestServer({ backgroundJobs: false });
    brand = await createTestCommunity(server.em());
    const token = await guestToken(server.client(), brand.slug, 'Writer');
    for (let i = 0; i < 20; i++) {
      await postThread(server.client(), token, { title: `Boots number ${i} leak at the seam`, body: 'Water gets in.' });
    }
  });
  afterAll(() => server?.close());

  const search = (agent: Agent, word: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        query:
          'query ($c: String!, $q: String!) { community(slug: $c) { search(query: $q) { edges { node { thread { id title } } } } } }',
        variables: { c: brand.slug, q: word },
      });
      const url = new URL(server.endpoint);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('answers a new connection while open ones keep it at work', async () => {
    const busy = new Agent({ keepAlive: true, maxSockets: 30 });
    let answered = 0;
    let stop = false;
    let failed: unknown;
    const words = ['boots', 'leak', 'seam', 'water'];
    const loops = Array.from({ length: 30 }, async (_, i) => {
      while (!stop) {
        await search(busy, words[i % words.length] as string).catch((error: unknown) => {
          failed = error;
          stop = true;
        });
        answered++;
      }
    });
    while (answered < 300 && !failed) await new Promise((resolve) => setTimeout(resolve, 10));
    if (failed) throw failed;
    // Twenty-five visitors come, each on a connection of their own: how many answers the open
    // connections got while each visitor waited. Accepted one a long turn, the last waited for
    // hundreds; taking turns, about one answer per open connection.
    const waits = await Promise.all(
      Array.from({ length: 25 }, async () => {
        const from = answered;
        await search(new Agent({ keepAlive: false }), 'boots');
        return answered - from;
      }),
    );
    stop = true;
    await Promise.all(loops);
    busy.destroy();
    expect(Math.max(...waits), `answers to open connections while each visitor waited: ${waits}`).toBeLessThan(150);
  });
});
