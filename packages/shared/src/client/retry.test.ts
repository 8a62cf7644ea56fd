/// <reference types="node" />
// This test runs in Node: a real HTTP server plays the network that drops connections.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, fetchExchange, gql } from '@urql/core';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryTransientExchange } from './retry.ts';
import { carriesIdempotencyKey, IdempotencyKey, retryPause } from './retry-policy.ts';

describe('IdempotencyKey', () => {
  it('keeps the key while the same input is sent again, and changes it for new input or after sending', () => {
    const keys = new IdempotencyKey();
    const first = keys.for({ body: 'Hello' });
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.for({ body: 'Hello' })).toBe(first);
    const edited = keys.for({ body: 'Hello!' });
    expect(edited).not.toBe(first);
    keys.sent();
    expect(keys.for({ body: 'Hello!' })).not.toBe(edited);
  });

  it('gives the same key to equal inputs and different keys to different ones (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const keys = new IdempotencyKey();
        const ka = keys.for(a);
        const kb = keys.for(b);
        expect(kb === ka).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });

  it('finds a key at the top of the variables or in their input', () => {
    expect(carriesIdempotencyKey({ id: '1', idempotencyKey: 'k' })).toBe(true);
    expect(carriesIdempotencyKey({ input: { body: 'x', idempotencyKey: 'k' } })).toBe(true);
    expect(carriesIdempotencyKey({ input: { body: 'x' } })).toBe(false);
    expect(carriesIdempotencyKey(undefined)).toBe(false);
  });
});

/**
 * A real HTTP server that cuts the connection of the first `drops` requests (as a restarting
 * server or a flaky network does), then answers; it counts what reached it.
 */
let server: Server;
let url: string;
let drops = 0;
let received: { query: string; variables: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      if (drops > 0) {
        drops--;
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { reply: { id: 'r1', __typename: 'Reply' } } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  received = [];
});

const REPLY = gql`
  mutation ($input: ReplyInput!) {
    reply(input: $input) {
      id
    }
  }
`;
const client = (pauses?: number[]) =>
  new Client({ url, exchanges: [retryTransientExchange(pauses), fetchExchange], requestPolicy: 'network-only' });

describe('retryTransientExchange', () => {
  it('sends a mutation with an idempotency key again, with the same key, after a dropped connection', async () => {
    drops = 2;
    const result = await client()
      .mutation(REPLY, { input: { threadId: 't', body: 'Hi', idempotencyKey: 'key-123456' } })
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ reply: { id: 'r1', __typename: 'Reply' } });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => JSON.stringify(r.variables))).size).toBe(1);
  });

  it('never sends a mutation without a key twice: the person decides', async () => {
    drops = 1;
    const result = await client()
      .mutation(REPLY, { input: { threadId: 't', body: 'Hi' } })
      .toPromise();
    expect(result.error?.networkError).toBeTruthy();
    expect(received).toHaveLength(1);
  });
});

describe('retryTransientExchange, spread and stopped', () => {
  it('waits between half and one and a half of each step, at random', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const pause = retryPause(attempt, [500, 1500, 3500], r);
          const step = [500, 1500, 3500][attempt] as number;
          expect(pause).toBeGreaterThanOrEqual(step / 2);
          expect(pause).toBeLessThanOrEqual(step * 1.5);
        },
      ),
    );
  });

  it('sends nothing more once the operation is torn down', async () => {
    drops = 5;
    // A query (a mutation cannot be torn down: it is sent once, whoever still listens).
    const READ = gql`
      query Read {
        reply {
          id
        }
      }
    `;
    const reader = new Client({
      url,
      exchanges: [retryTransientExchange([200, 200, 200]), fetchExchange],
      requestPolicy: 'network-only',
      preferGetMethod: false,
    });
    const subscription = reader.query(READ, {}).subscribe(() => {});
    // The first attempt is dropped; its retry waits at least 100 ms.
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(received).toHaveLength(1);
    drops = 0;
  });
});
