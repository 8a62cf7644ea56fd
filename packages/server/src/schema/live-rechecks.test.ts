/**
 * A live stream outlives the checks made when it opened: each event checks again. A staff
 * member's stream ends once they are signed out or deactivated; a customer's once their token
 * expires or their account is deleted; a thread's once it is hidden from its viewer, after telling
 * them it is gone. Nothing is delivered past the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { eraseMember } from '../services/erasure.ts';
import {
  createTestCommunity,
  globalId,
  guestToken,
  postThread,
  rawId,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { subscribe } from '../testing/sse.ts';

const COMMUNITY_EVENTS = `subscription ($c: String!) { communityEvents(community: $c) {
  __typename ... on ThreadPostedEvent { thread { title author { ... on Member { email } } } }
} }`;
const THREAD_EVENTS = `subscription ($c: String!, $id: ID!) { threadEvents(community: $c, threadId: $id) {
  __typename ... on ReplyAddedEvent { reply { body } }
} }`;
const VIEWER_EVENTS = 'subscription ($c: String!) { viewerEvents(community: $c) { type } }';
const REPLY = 'mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }';

let server: TestServer;
let brand: TestCommunity;
let manager: GraphQLClient;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

const customerPosts = async (title: string) =>
  postThread(server.client(), await guestToken(server.client(), brand.slug, 'Poster'), { title });

describe("a staff member's live stream", () => {
  it('ends at the next event once they sign out, sending nothing more', async () => {
    const sam = server.client();
    await signInStaff(sam, brand.slug, brand.staff);
    const live = subscribe(server.endpoint, COMMUNITY_EVENTS, { cookie: sam.cookie, variables: { c: brand.slug } });
    expect((await live.ready).data.communityEvents.__typename).toBe('SubscriptionStartedEvent');
    await customerPosts('Seen while signed in');
    expect((await live.next()).data.communityEvents.thread.title).toBe('Seen while signed in');

    await sam.data('mutation { staffSignOut }');
    await customerPosts('Posted after sign-out');
    await expect(live.next()).rejects.toThrow('subscription stream ended');
  });

  it('ends once their account is deactivated, though the session was never signed out', async () => {
    const community = await createTestCommunity(server.em());
    const boss = server.client();
    await signInStaff(boss, community.slug, community.manager);
    const ari = server.client();
    await signInStaff(ari, community.slug, community.agency);
    const live = subscribe(server.endpoint, COMMUNITY_EVENTS, { cookie: ari.cookie, variables: { c: community.slug } });
    const other = subscribe(server.endpoint, COMMUNITY_EVENTS, {
      cookie: boss.cookie,
      variables: { c: community.slug },
    });
    await live.ready;
    await other.ready;

    await boss.data(
      'mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) { movedThreads } }',
      {
        variables: {
          a: globalId('StaffMember', community.agency.id),
          b: [globalId('StaffMember', community.owner.id)],
        },
      },
    );
    const token = await ssoToken(community, { sub: 'c1', name: 'Cleo', email: 'cleo@example.com' });
    await postThread(server.client(), token, { title: 'With an email in it' });
    // The manager still hears it (with the customer's email); the deactivated agent does not.
    expect((await other.next()).data.communityEvents.thread).toEqual({
      title: 'With an email in it',
      author: { email: 'cleo@example.com' },
    });
    await expect(live.next()).rejects.toThrow('subscription stream ended');
    other.close();
  });
});

describe("a customer's live stream", () => {
  const publishEntry = async (title: string) => {
    const made = await manager.data('mutation ($t: String!) { createChangelogEntry(input: { title: $t }) { id } }', {
      variables: { t: title },
    });
    await manager.data('mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', {
      variables: { id: made.createChangelogEntry.id },
    });
  };

  it('ends once their sign-in token expires', async () => {
    const shortLived = await ssoToken(brand, { sub: 'brief', name: 'Brief', expiresIn: 2 });
    const longLived = await ssoToken(brand, { sub: 'steady', name: 'Steady' });
    const brief = subscribe(server.endpoint, VIEWER_EVENTS, { token: shortLived, variables: { c: brand.slug } });
    const steady = subscribe(server.endpoint, VIEWER_EVENTS, { token: longLived, variables: { c: brand.slug } });
    expect((await brief.ready).data.viewerEvents.type).toBe('SUBSCRIBED');
    await steady.ready;
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await publishEntry('Published after the token expired');
    expect((await steady.next()).data.viewerEvents.type).toBe('CHANGELOG_PUBLISHED');
    await expect(brief.next()).rejects.toThrow('subscription stream ended');
    steady.close();
  });

  it('ends once their account is erased (at the end of its grace period)', async () => {
    const token = await ssoToken(brand, { sub: 'leaving', name: 'Leaving' });
    const live = subscribe(server.endpoint, VIEWER_EVENTS, { token, variables: { c: brand.slug } });
    await live.ready;
    const { id } = (await server.client().data('{ viewer { member { id } } }', { token })).viewer.member;
    const em = bindEm(server.em(), brand.community.id);
    await em.transactional((tx) => eraseMember(tx, brand.community.id, rawId(id), 'Asked by the test'));
    await publishEntry('Published after the account was deleted');
    await expect(live.next()).rejects.toThrow('subscription stream ended');
  });
});

describe('a hidden thread', () => {
  it('tells its watchers it is gone, then sends them nothing more; staff keep watching', async () => {
    const id = await customerPosts('Soon to be hidden');
    const member = await ssoToken(brand, { sub: 'watcher', name: 'Watcher' });
    const watchers = [
      subscribe(server.endpoint, THREAD_EVENTS, { variables: { c: brand.slug, id } }),
      subscribe(server.endpoint, THREAD_EVENTS, { token: member, variables: { c: brand.slug, id } }),
    ];
    const staff = subscribe(server.endpoint, THREAD_EVENTS, {
      cookie: manager.cookie,
      variables: { c: brand.slug, id },
    });
    for (const live of [...watchers, staff]) await live.ready;

    await manager.data('mutation ($id: ID!) { hideThread(threadId: $id, reason: "Off topic") { id } }', {
      variables: { id },
    });
    for (const live of [...watchers, staff]) {
      expect((await live.next()).data.threadEvents.__typename).toBe('ThreadRemovedEvent');
    }
    await manager.data(REPLY, { variables: { id, b: 'An answer on the hidden thread' } });
    expect((await staff.next()).data.threadEvents.reply.body).toBe('An answer on the hidden thread');
    for (const live of watchers) await expect(live.next()).rejects.toThrow('subscription stream ended');
    staff.close();
  });
});
