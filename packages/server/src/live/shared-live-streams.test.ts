/**
 * Anonymous subscribers of the same operation share one live stream: an event is executed and
 * serialised once for them all, each is sent its own start, and the stream goes on while any of
 * them is left (and only then). A signed-in subscriber, or another operation, get their own.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { schema } from '../schema/index.ts';
import { createTestCommunity, guestToken, postThread, type TestCommunity } from '../testing/fixtures.ts';
import { spyOnResolvers } from '../testing/resolver-spy.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { type Subscription, subscribe } from '../testing/sse.ts';

const spy = spyOnResolvers(schema);
const EVENTS = `subscription ($c: String!, $id: ID!) { threadEvents(community: $c, threadId: $id) {
  __typename ... on ReplyAddedEvent { reply { body } }
} }`;
/** The same with one more field: another operation, whose answer differs. */
const EVENTS_WITH_COUNT = EVENTS.replace('reply { body }', 'reply { body } thread { replyCount }');
const REPLY = 'mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }';

let server: TestServer;
let brand: TestCommunity;
beforeAll(async () => {
  server = await startTestServer({ backgroundJobs: false });
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

/** A thread, its author's token, and a way to watch it live (anonymously unless given a token). */
async function watchedThread() {
  const author = await guestToken(server.client(), brand.slug, 'Author');
  const id = await postThread(server.client(), author, { title: 'Watched' });
  const watch = async (query = EVENTS, token?: string): Promise<Subscription<any>> => {
    const live = subscribe(server.endpoint, query, { token, variables: { c: brand.slug, id } });
    await live.ready;
    return live;
  };
  const reply = (body: string) => server.client().data(REPLY, { token: author, variables: { id, b: body } });
  return { watch, reply };
}

it('executes an event once for anonymous subscribers of the same operation', async () => {
  const { watch, reply } = await watchedThread();
  const watchers = [await watch(), await watch(), await watch()];
  spy.reset();
  const stringify = vi.spyOn(JSON, 'stringify');
  await reply('First');
  for (const live of watchers) expect((await live.next()).data.threadEvents.reply.body).toBe('First');
  const serialised = stringify.mock.calls.filter(
    ([value]) => (value as { data?: { threadEvents?: { __typename?: string } } })?.data?.threadEvents?.__typename,
  );
  stringify.mockRestore();
  expect(spy.calls.get('ReplyAddedEvent.reply')).toBe(1);
  // And serialised once.
  expect(serialised).toHaveLength(1);
  // The next event is executed anew.
  await reply('Second');
  for (const live of watchers) expect((await live.next()).data.threadEvents.reply.body).toBe('Second');
  expect(spy.calls.get('ReplyAddedEvent.reply')).toBe(2);
  for (const live of watchers) live.close();
});

it('executes it apart for signed-in subscribers and for another operation', async () => {
  const { watch, reply } = await watchedThread();
  const reader = await guestToken(server.client(), brand.slug, 'Reader');
  const watchers = [
    await watch(),
    await watch(),
    await watch(EVENTS_WITH_COUNT),
    await watch(EVENTS, reader),
    await watch(EVENTS, reader),
  ];
  spy.reset();
  await reply('Hello');
  const answers = await Promise.all(watchers.map((live) => live.next()));
  expect(answers.map((a) => a.data.threadEvents.reply.body)).toEqual(['Hello', 'Hello', 'Hello', 'Hello', 'Hello']);
  expect(answers[2].data.threadEvents.thread).toEqual({ replyCount: 1 });
  // One for both anonymous watchers of EVENTS, one for the other operation, one per signed-in.
  expect(spy.calls.get('ReplyAddedEvent.reply')).toBe(4);
  for (const live of watchers) live.close();
});

it('sends a late subscriber its own start, and goes on for the others when the first one leaves', async () => {
  const { watch, reply } = await watchedThread();
  const first = await watch();
  const second = await watch();
  await reply('Before the third');
  expect((await first.next()).data.threadEvents.reply.body).toBe('Before the third');
  expect((await second.next()).data.threadEvents.reply.body).toBe('Before the third');
  // The third is sent its own start (its `ready`), then only what comes after it.
  const third = await watch();
  first.close();
  // Once the server has seen its connection close (the hub's own subscription was the first's).
  await new Promise((resolve) => setTimeout(resolve, 200));
  spy.reset();
  await reply('After the first left');
  for (const live of [second, third]) {
    expect((await live.next()).data.threadEvents.reply.body).toBe('After the first left');
  }
  expect(spy.calls.get('ReplyAddedEvent.reply')).toBe(1);
  second.close();
  third.close();
});

it('lets the subscription go once its last subscriber has left', async () => {
  const { watch, reply } = await watchedThread();
  const watchers = [await watch(), await watch()];
  for (const live of watchers) live.close();
  // The server sees the connections close a moment later; until then an event still reaches them.
  await expect
    .poll(async () => {
      spy.reset();
      await reply(`Anyone there? ${Math.random()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return spy.calls.get('ReplyAddedEvent.reply') ?? 0;
    })
    .toBe(0);
});
