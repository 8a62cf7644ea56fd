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
    const take = turnTaking(() => (clock += 20));
    const order: number[] = [];
    const starts = [0, 1, 2, 3, 4].map((i) => take().then(() => void order.push(i)));
    const at = await turnsOf(starts);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(at).size).toBe(5);
  });

  it('starts cheap requests several a turn', async () => {
    const take = turnTaking(() => 0); // every turn took no time
    const order: number[] = [];
    const starts = Array.from({ length: 20 }, (_, i) => take().then(() => void order.push(i)));
    const at = await turnsOf(starts);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(at).size).toBeLessThan(10);
  });

  it('stops going round once nothing waits', async () => {
    let readings = 0;
    const take = turnTaking(() => {
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
    const words = ['boots', 'leak', 'seam', 'water'];
    const loops = Array.from({ length: 30 }, async (_, i) => {
      while (!stop) {
        await search(busy, words[i % words.length] as string);
        answered++;
      }
    });
    while (answered < 300) await new Promise((resolve) => setTimeout(resolve, 10));
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
