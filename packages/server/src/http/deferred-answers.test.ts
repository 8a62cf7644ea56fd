import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readMultipart } from '../testing/multipart.ts';
import { useDeferredAnswers } from './deferred-answers.ts';

// A schema of its own, so that which part is ready is up to the test: `slow` waits on a timer (as a
// database round trip waits on a socket), everything else resolves at once.
const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      quick: String
      slow: String
      failing: String
      letters: [String!]!
      shelf: Shelf
    }
    type Shelf {
      name: String
      book: Book
    }
    type Book {
      title: String
      pages: Int
    }
  `,
  resolvers: {
    Query: {
      quick: () => 'quick',
      slow: async () => {
        await sleep(30);
        return 'slow';
      },
      failing: () => {
        throw new Error('no');
      },
      letters: () => ['a', 'b', 'c', 'd'],
      shelf: () => ({ name: 'Tents', book: { title: 'Ridge', pages: 12 } }),
    },
  },
});

let server: Server;
let url: string;

beforeAll(async () => {
  const yoga = createYoga({ schema, plugins: [useDeferStream(), useDeferredAnswers()], logging: false });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

// What urql sends: either form is welcome.
const EITHER = 'multipart/mixed, application/graphql-response+json, application/json';

const ask = (query: string, accept = EITHER) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });

it('answers in one JSON response when every deferred and streamed part is ready with the first', async () => {
  const response = await ask(`{
    shelf { name book { title } ... @defer { book { pages } } }
    letters @stream(initialCount: 1)
    ... @defer { quick }
  }`);
  expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
  expect(await response.json()).toEqual({
    // The deferred fragment reaches deeper into an object the first part has: merged, not replaced.
    data: {
      shelf: { name: 'Tents', book: { title: 'Ridge', pages: 12 } },
      letters: ['a', 'b', 'c', 'd'],
      quick: 'quick',
    },
  });
});

it('keeps a deferred field’s error, with its path, in the one response', async () => {
  const response = await ask('{ quick ... @defer { failing } }');
  const body = await response.json();
  expect(body.data).toEqual({ quick: 'quick', failing: null });
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].path).toEqual(['failing']);
  // Masked as every error is: what went wrong inside stays on the server.
  expect(body.errors[0].message).toBe('Unexpected error.');
  expect(body.hasNext).toBeUndefined();
});

it('sends the first part at once and the rest later when a part waits on I/O', async () => {
  const response = await ask('{ quick ... @defer { slow } }');
  const parts = await readMultipart(response);
  expect(parts[0]).toEqual({ data: { quick: 'quick' }, hasNext: true });
  const later = parts.slice(1).flatMap((part) => part.incremental ?? []);
  expect(later).toEqual([{ data: { slow: 'slow' }, path: [] }]);
  expect(parts.at(-1).hasNext).toBe(false);
});

it('sends the parts that were ready in order, then the one that was not', async () => {
  const response = await ask(
    '{ quick ... @defer(label: "now") { shelf { name } } ... @defer(label: "later") { slow } }',
  );
  const parts = await readMultipart(response);
  expect(parts[0].data).toEqual({ quick: 'quick' });
  const later = parts.slice(1).flatMap((part) => part.incremental ?? []);
  expect(later.map((increment: { label: string }) => increment.label)).toEqual(['now', 'later']);
  expect(later[0].data).toEqual({ shelf: { name: 'Tents' } });
  expect(later[1].data).toEqual({ slow: 'slow' });
  expect(parts.at(-1).hasNext).toBe(false);
});

it('still refuses @defer to a client that accepts only JSON, ready or not (406)', async () => {
  const response = await ask('{ quick ... @defer { shelf { name } } }', 'application/json');
  expect(response.status).toBe(406);
  expect(response.headers.get('accept')).toContain('multipart/mixed');
});

it('leaves a query without @defer or @stream as it is', async () => {
  const response = await ask('{ quick letters }');
  expect(await response.json()).toEqual({ data: { quick: 'quick', letters: ['a', 'b', 'c', 'd'] } });
});
