/**
 * One live event reaching many anonymous subscribers of the same operation is executed and
 * serialised once for them all; a signed-in subscriber, or other variables, get an execution of their own.
 */
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { expect, it, vi } from 'vitest';
import { EventQueue } from '../realtime/event-queue.ts';
import type { Actor } from '../services/actor.ts';
import { useSharedEventResults } from './shared-event-results.ts';

/** A yoga over a one-field subscription, counting how often its event's field is resolved. */
function tickServer() {
  const queues = new Set<EventQueue<object>>();
  const counter = { executions: 0 };
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: {
        type: GraphQLInt,
        resolve: (event: { n: number }) => {
          counter.executions += 1;
          return event.n;
        },
      },
      room: { type: GraphQLString, args: { room: { type: GraphQLString } }, resolve: (_e, args) => args.room },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt, resolve: () => 1 } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        tick: {
          type: Tick,
          args: { room: { type: GraphQLString } },
          subscribe: () => {
            const queue: EventQueue<object> = new EventQueue(() => queues.delete(queue));
            queues.add(queue);
            return queue;
          },
          resolve: (event: object) => event,
        },
      },
    }),
  });
  const yoga = createYoga({
    schema,
    logging: false,
    plugins: [useSharedEventResults()],
    // As the app's context: who is asking, null for an anonymous visitor.
    context: ({ request }) => ({
      viewer: (): Actor | null =>
        request.headers.get('authorization') ? ({ kind: 'member' } as unknown as Actor) : null,
    }),
  });
  const subscribe = async (room: string, signedIn = false) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(signedIn ? { authorization: 'Bearer someone' } : {}),
      },
      body: JSON.stringify({
        query: 'subscription ($room: String) { tick(room: $room) { n room(room: $room) } }',
        variables: { room },
      }),
    });
    return (response.body as ReadableStream<Uint8Array>).getReader();
  };
  const publish = async (subscribers: number, event: object) => {
    while (queues.size < subscribers) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const queue of queues) queue.push(event);
  };
  return { counter, subscribe, publish };
}

/** The data of a stream's next event. */
async function nextData(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<unknown> {
  let text = '';
  for (;;) {
    const match = /^data: (.+)$/m.exec(text);
    if (match) return JSON.parse(match[1] as string);
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended: ${text}`);
    text += new TextDecoder().decode(value);
  }
}

it('executes an event once for anonymous subscribers of the same operation', async () => {
  const { counter, subscribe, publish } = tickServer();
  const readers = await Promise.all([subscribe('lobby'), subscribe('lobby'), subscribe('lobby')]);
  const stringify = vi.spyOn(JSON, 'stringify');
  await publish(3, { n: 7 });
  for (const reader of readers) expect(await nextData(reader)).toEqual({ data: { tick: { n: 7, room: 'lobby' } } });
  expect(counter.executions).toBe(1);
  // And serialised once.
  const answersSerialised = stringify.mock.calls.filter(([value]) => (value as { data?: unknown })?.data);
  stringify.mockRestore();
  expect(answersSerialised).toHaveLength(1);
  // The next event is executed anew.
  await publish(3, { n: 8 });
  for (const reader of readers) expect(await nextData(reader)).toEqual({ data: { tick: { n: 8, room: 'lobby' } } });
  expect(counter.executions).toBe(2);
  for (const reader of readers) await reader.cancel();
});

it('executes it apart for signed-in subscribers and for other variables', async () => {
  const { counter, subscribe, publish } = tickServer();
  const readers = await Promise.all([
    subscribe('lobby'),
    subscribe('lobby', true),
    subscribe('lobby', true),
    subscribe('garden'),
  ]);
  await publish(4, { n: 1 });
  const answers = await Promise.all(readers.map(nextData));
  expect(answers.map((a) => (a as { data: { tick: { room: string } } }).data.tick.room)).toEqual([
    'lobby',
    'lobby',
    'lobby',
    'garden',
  ]);
  expect(counter.executions).toBe(4);
  for (const reader of readers) await reader.cancel();
});
