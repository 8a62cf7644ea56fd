/**
 * Subscribers of the same operation share one live stream: an event is executed and serialised
 * once for them all, each is sent its own start, and the stream goes on while any of them is left
 * (and only then). Customers signed in share a thread's stream too, checked one by one before every
 * event, and an event whose answer differs for one of them is executed again for them alone.
 * Staff, or another operation, get their own.
 */
import type { GraphQLFieldResolver, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { schema } from '../schema/index.ts';
import {
  createTestCommunity,
  guestToken,
  postThread,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { spyOnResolvers } from '../testing/resolver-spy.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { type Subscription, subscribe } from '../testing/sse.ts';

const spy = spyOnResolvers(schema);
const EVENTS = `subscription ($c: String!, $id: ID!) { threadEvents(community: $c, threadId: $id) {
  __typename ... on ReplyAddedEvent { reply { body } }
} }`;
/** The same with one more field: another operation, whose answer differs. */
const EVENTS_WITH_COUNT = EVENTS.replace('reply { body }', 'reply { body } thread { replyCount }');
/** With a field that differs for the reply's author alone. */
const EDITABLE = EVENTS.replace('reply { body }', 'reply { body viewerCanEdit }');
/** With a field that differs for every customer (whether they voted). */
const VOTED = EVENTS.replace('reply { body }', 'reply { body } thread { viewerHasVoted }');
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
  const watch = async (query = EVENTS, token?: string, cookie?: string): Promise<Subscription<any>> => {
    const live = subscribe(server.endpoint, query, { token, cookie, variables: { c: brand.slug, id } });
    await live.ready;
    return live;
  };
  const reply = (body: string) => server.client().data(REPLY, { token: author, variables: { id, b: body } });
  return { id, author, watch, reply };
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

it('shares it with customers but its author, who is sent their own; staff and another operation apart', async () => {
  const { author, watch, reply } = await watchedThread();
  const reader = await guestToken(server.client(), brand.slug, 'Reader');
  const member = await ssoToken(brand, { sub: 'sharing-member', name: 'Member' });
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  const watchers = [
    await watch(EDITABLE),
    await watch(EDITABLE),
    await watch(EDITABLE, reader),
    await watch(EDITABLE, member),
    await watch(EDITABLE, author),
    await watch(EDITABLE, undefined, staff.cookie),
    await watch(EVENTS_WITH_COUNT),
  ];
  spy.reset();
  await reply('Hello');
  const answers = await Promise.all(watchers.map((live) => live.next()));
  expect(answers.map((a) => a.data.threadEvents.reply.body)).toEqual(Array(7).fill('Hello'));
  // Only its author may edit it: the one answer that differs.
  expect(answers.slice(0, 6).map((a) => a.data.threadEvents.reply.viewerCanEdit)).toEqual([
    false,
    false,
    false,
    false,
    true,
    false,
  ]);
  expect(answers[6].data.threadEvents.thread).toEqual({ replyCount: 1 });
  // Once for anyone and the customers, once for the author, once for staff, once for the other operation.
  expect(spy.calls.get('ReplyAddedEvent.reply')).toBe(4);
  for (const live of watchers) live.close();
});

it('executes an event again for every customer once a field reads who they are', async () => {
  const { id, watch } = await watchedThread();
  const voter = await guestToken(server.client(), brand.slug, 'Voter');
  await server
    .client()
    .data('mutation ($id: ID!) { vote(threadId: $id) { voteCount } }', { token: voter, variables: { id } });
  const watchers = [
    await watch(VOTED),
    await watch(VOTED, voter),
    await watch(VOTED, await guestToken(server.client(), brand.slug, 'Other')),
  ];
  const poster = await guestToken(server.client(), brand.slug, 'Poster');
  spy.reset();
  await server.client().data(REPLY, { token: poster, variables: { id, b: 'Seen by all' } });
  const answers = await Promise.all(watchers.map((live) => live.next()));
  expect(answers.map((a) => a.data.threadEvents.thread.viewerHasVoted)).toEqual([false, true, false]);
  // Anyone's, then each customer's own.
  expect(spy.calls.get('ReplyAddedEvent.thread')).toBe(3);
  for (const live of watchers) live.close();
});

it("ends a customer's shared stream at the first event after their sign-in expires, and no one else's", async () => {
  const { watch, reply } = await watchedThread();
  const brief = await watch(EVENTS, await ssoToken(brand, { sub: 'brief-watcher', name: 'Brief', expiresIn: 2 }));
  const steady = await watch(EVENTS, await ssoToken(brand, { sub: 'steady-watcher', name: 'Steady' }));
  const anonymous = await watch();
  await new Promise((resolve) => setTimeout(resolve, 2100));
  await reply('After the token expired');
  for (const live of [steady, anonymous]) {
    expect((await live.next()).data.threadEvents.reply.body).toBe('After the token expired');
  }
  await expect(brief.next()).rejects.toThrow('subscription stream ended');
  steady.close();
  anonymous.close();
});

it('answers an API key on its own: its scopes hold, and its revocation ends the stream', async () => {
  const { watch, reply } = await watchedThread();
  const manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  const made = await manager.data(
    'mutation { createApiKey(name: "Live reader", scopes: [READ_MEMBERS]) { key apiKey { id } } }',
  );
  const WITH_EMAIL = EVENTS.replace('reply { body }', 'reply { body author { ... on Member { email } } }');
  const anonymous = await watch(WITH_EMAIL);
  const keyed = await watch(WITH_EMAIL, made.createApiKey.key);
  await reply('Read by a key');
  const byKey = await keyed.next();
  expect(byKey.errors).toBeUndefined();
  expect(byKey.data.threadEvents.reply.body).toBe('Read by a key');
  expect((await anonymous.next()).data.threadEvents.reply.author.email).toBeNull();
  await manager.data('mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', {
    variables: { id: made.createApiKey.apiKey.id },
  });
  await reply('After the key was revoked');
  expect((await anonymous.next()).data.threadEvents.reply.body).toBe('After the key was revoked');
  await expect(keyed.next()).rejects.toThrow('subscription stream ended');
  anonymous.close();
});

it('masks an unexpected error in a shared event, as yoga does, and logs it', async () => {
  const logging = await startTestServer({ backgroundJobs: false, logLevel: 'error' });
  const body = (schema.getType('Reply') as GraphQLObjectType).getFields().body;
  if (!body) throw new Error('Reply has no body field');
  const resolve = body.resolve as GraphQLFieldResolver<{ body: string }, unknown>;
  body.resolve = (reply, ...rest) => {
    if (reply.body === 'boom') throw new Error('SECRET internal detail');
    return resolve(reply, ...rest);
  };
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const shop = await createTestCommunity(logging.em());
    const author = await guestToken(logging.client(), shop.slug, 'Author');
    const id = await postThread(logging.client(), author, { title: 'Fragile' });
    const live = subscribe(logging.endpoint, EVENTS, { variables: { c: shop.slug, id } });
    await live.ready;
    await logging.client().data(REPLY, { token: author, variables: { id, b: 'boom' } });
    const event = await live.next();
    expect(event.errors?.map((e: { message: string }) => e.message)).toEqual(['Unexpected error.']);
    expect(JSON.stringify(event)).not.toContain('SECRET');
    expect(JSON.stringify(logged.mock.calls)).toContain('SECRET internal detail');
    live.close();
  } finally {
    body.resolve = resolve as typeof body.resolve;
    logged.mockRestore();
    await logging.close();
  }
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
  // Once the server has seen its connection close.
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
