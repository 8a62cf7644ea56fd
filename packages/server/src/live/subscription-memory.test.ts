/**
 * A live subscription keeps its request for as long as it is open: once the subscription has
 * started, the request holds no copy of its body, nor does Node's request hold it through the
 * listener that read the body, and the query's text is still there for whoever reads yoga's
 * params. A query answered at once keeps its request as yoga leaves it.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GraphQLClient } from '../testing/graphql-client.ts';
import { subscribe } from '../testing/sse.ts';
import { useSubscriptionMemory } from './subscription-memory.ts';

const QUERY = 'subscription Ticks { ticks }';

/** What each request's context held when its resolver ran. */
const seen: { request: Record<string, unknown>; query: unknown; bodyListeners: number }[] = [];
const record = (context: { request: object; params: { query?: unknown }; req?: IncomingMessage }) =>
  seen.push({
    request: { ...context.request },
    query: context.params.query,
    // Listeners on Node's request for the body's bytes (each holds the fetch Request).
    bodyListeners: context.req?.listenerCount('data') ?? Number.NaN,
  });

/** Whether a value is (or lists) the body: as text, as bytes or as parsed JSON. */
const isBody = (value: unknown): boolean =>
  (typeof value === 'string' && value.includes('ticks')) ||
  value instanceof Uint8Array ||
  (Array.isArray(value) && value.some(isBody)) ||
  (typeof value === 'object' && value !== null && 'query' in value);

/** Whether any of the request's own fields holds its body. */
const holdsBody = (request: Record<string, unknown>) => Object.values(request).some(isBody);

let server: Server;
let endpoint: string;
beforeAll(async () => {
  const schema = createSchema({
    typeDefs: 'type Query { ticks: Int } type Subscription { ticks: Int }',
    resolvers: {
      Query: {
        ticks: (_root, _args, context) => {
          record(context);
          return 1;
        },
      },
      Subscription: {
        ticks: {
          subscribe: async function* (_root, _args, context) {
            record(context);
            yield { ticks: 1 };
            await new Promise(() => {});
          },
        },
      },
    },
  });
  const plugins: Plugin[] = [useSubscriptionMemory()];
  // As the app's yoga (http/graphql.ts): without yoga's own body limit, which would parse a copy.
  const yoga = createYoga({ schema, plugins, logging: false, maxRequestBodySize: false });
  server = createServer(yoga);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

it('lets a live subscription’s request go of its body, keeping the query in yoga’s params', async () => {
  seen.length = 0;
  const live = subscribe(endpoint, QUERY);
  expect(await live.ready).toEqual({ data: { ticks: 1 } });
  live.close();
  expect(seen).toHaveLength(1);
  expect(holdsBody(seen[0]?.request ?? {})).toBe(false);
  expect(seen[0]?.query).toBe(QUERY);
  expect(seen[0]?.bodyListeners).toBe(0);
});

it('leaves a query’s request as yoga has it (the check above can see a body)', async () => {
  seen.length = 0;
  expect(await new GraphQLClient(endpoint).data('{ ticks }')).toEqual({ ticks: 1 });
  expect(holdsBody(seen[0]?.request ?? {})).toBe(true);
  expect(seen[0]?.bodyListeners).toBeGreaterThan(0);
});
