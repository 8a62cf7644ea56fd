/**
 * The relationship stays the brand's, over the API: the first staff member to answer a customer
 * owns the relationship; managers can give it to someone else; when someone leaves (or an agency's
 * work ends), their open threads, followed threads and relationships move to the successor in one
 * transaction, with a Handover listing exactly what moved and a brief per customer, audited on
 * both sides, and their replies stay theirs, marked as former staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCommunity,
  globalId,
  guestToken,
  postThread,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
const clients: Record<string, GraphQLClient> = {};
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};
const threads: Record<string, string> = {};

async function signIn(name: 'staff' | 'manager' | 'agency' | 'owner') {
  clients[name] = server.client();
  await signInStaff(clients[name] as GraphQLClient, brand.slug, brand[name]);
}
const as = (name: string) => clients[name] as GraphQLClient;
const memberQuery = (id: string) =>
  as('manager').data('query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { owner { name } } } }', {
    variables: { s: brand.slug, id },
  });

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  api = server.client();
  for (const name of ['staff', 'manager', 'agency', 'owner'] as const) await signIn(name);
  for (const name of ['Ada', 'Bob']) {
    tokens[name] = await guestToken(api, brand.slug, name);
    members[name] = (await api.data('{ viewer { member { id } } }', { token: tokens[name] })).viewer.member.id;
  }
  threads.sync = await postThread(api, tokens.Ada, {
    title: 'Sync breaks on Android',
    body: 'Sync stops after the Android update, sync never finishes.',
  });
  threads.csv = await postThread(api, tokens.Bob, {
    title: 'Export to CSV please',
    body: 'I need CSV export for reports.',
  });
  threads.dark = await postThread(api, tokens.Ada, { title: 'Dark mode', body: 'A dark theme.' });
  await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: tokens.Ada,
    variables: { i: { threadId: threads.sync, body: 'Sync is still broken today.' } },
  });
});
afterAll(() => server?.close());

describe('relationship ownership and handover', () => {
  it('makes the first staff member to answer a customer the owner of the relationship', async () => {
    expect((await memberQuery(members.Ada as string)).community.member.owner).toBeNull();
    await as('staff').data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      variables: { i: { threadId: threads.sync, body: 'We are on it: a fix ships next week.' } },
    });
    expect((await memberQuery(members.Ada as string)).community.member.owner).toEqual({ name: 'Sam' });
    // A second staff member answering does not take it over.
    await as('manager').data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      variables: { i: { threadId: threads.sync, body: 'Thanks for the report!' } },
    });
    expect((await memberQuery(members.Ada as string)).community.member.owner).toEqual({ name: 'Sam' });
    // Customers never see who owns them.
    const seen = await api.request(
      'query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { owner { name } } } }',
      { token: tokens.Ada, variables: { s: brand.slug, id: members.Ada } },
    );
    expect(seen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('moves open threads, followed threads and relationships to the successor, with a brief', async () => {
    await as('staff').data('mutation ($t: ID!, $s: ID!) { assignThread(threadId: $t, staffId: $s) { id } }', {
      variables: { t: threads.csv, s: globalId('StaffMember', brand.staff.id) },
    });
    await as('staff').data('mutation ($id: ID!) { follow(threadId: $id) { id } }', { variables: { id: threads.dark } });

    const result = await as('manager').data(
      `mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) {
        movedThreads
        handovers { id reason from { name } to { name } by { name } threads { title } followedThreadCount members { displayName }
          brief { displayName summary facts { threadCount replyCount lastAnsweredBy lastAnsweredAt } topics sentiment openQuestions { title thread { id } } } } } }`,
      { variables: { a: globalId('StaffMember', brand.staff.id), b: [globalId('StaffMember', brand.owner.id)] } },
    );
    expect(result.deactivateStaff.handovers).toHaveLength(1);
    const handover = result.deactivateStaff.handovers[0];
    expect(result.deactivateStaff.movedThreads).toBe(2);
    expect(handover).toMatchObject({
      reason: 'DEACTIVATION',
      from: { name: 'Sam' },
      to: { name: 'Olive' },
      by: { name: 'Mia' },
    });
    expect(handover.threads.map((t: { title: string }) => t.title).sort()).toEqual([
      'Export to CSV please',
      'Sync breaks on Android',
    ]);
    // Sam followed the sync thread (by answering) and Dark mode.
    expect(handover.followedThreadCount).toBe(2);
    expect(handover.members).toEqual([{ displayName: 'Ada' }]);
    // The brief: Ada (owned) and Bob (waiting in a thread that moved), by name.
    expect(handover.brief.map((e: { displayName: string }) => e.displayName)).toEqual(['Ada', 'Bob']);
    const [ada, bob] = handover.brief;
    expect(ada.summary).toContain('last answered by Mia');
    expect(ada.topics[0]).toBe('sync'); // in two of her texts
    expect(ada.openQuestions).toEqual([{ title: 'Dark mode', thread: { id: threads.dark } }]); // nobody answered it yet
    expect(bob.summary).toContain('never answered by staff yet');
    expect(bob.summary).toMatch(/^1 thread, 0 replies, \d+ votes?;/);
    // The same facts, for the console to write in its reader's language.
    expect(ada.facts.lastAnsweredBy).toBe('Mia');
    expect(bob.facts).toMatchObject({ threadCount: 1, replyCount: 0, lastAnsweredBy: null, lastAnsweredAt: null });
    expect(bob.openQuestions).toEqual([{ title: 'Export to CSV please', thread: { id: threads.csv } }]);

    expect((await memberQuery(members.Ada as string)).community.member.owner).toEqual({ name: 'Olive' });
    const following = await as('owner').data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { viewerIsFollowing } } }',
      {
        variables: { s: brand.slug, id: threads.dark },
      },
    );
    expect(following.community.thread.viewerIsFollowing).toBe(true);

    // Audited on both sides.
    const audit = await as('manager').data(
      'query ($s: String!) { community(slug: $s) { auditLog(first: 20) { edges { node { action targetId after } } } } }',
      { variables: { s: brand.slug } },
    );
    const entries = audit.community.auditLog.edges.map(
      (e: { node: { action: string; targetId: string; after: any } }) => e.node,
    );
    expect(entries.find((e: { action: string }) => e.action === 'staff.handover')).toMatchObject({
      targetId: brand.staff.id,
      after: { to: brand.owner.id, threads: 2, follows: 2, members: 1 },
    });
    expect(entries.find((e: { action: string }) => e.action === 'staff.inherit')).toMatchObject({
      targetId: brand.owner.id,
    });

    // The successor reads it later, as the brand's memory.
    const list = await as('owner').data('query ($s: String!) { community(slug: $s) { handovers { id } } }', {
      variables: { s: brand.slug },
    });
    expect(list.community.handovers.map((h: { id: string }) => h.id)).toContain(handover.id);
    const one = await as('owner').data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { handover(id: $id) { brief { displayName } } } }',
      {
        variables: { s: brand.slug, id: handover.id },
      },
    );
    expect(one.community.handover.brief).toHaveLength(2);

    // Sam's public reply stays his, marked as former staff.
    const view = await api.data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { replies(first: 5) { edges { node { body author { displayName ... on StaffMember { isFormer } } } } } } } }',
      { variables: { s: brand.slug, id: threads.sync } },
    );
    const replies = view.community.thread.replies.edges.map((e: { node: unknown }) => e.node);
    expect(replies).toContainEqual({
      body: 'We are on it: a fix ships next week.',
      author: { displayName: 'Sam', isFormer: true },
    });
  });

  it("shares the work among several successors: customers in turn, each customer's threads with them", async () => {
    const fresh = await createTestCommunity(server.em());
    const leaver = server.client();
    await signInStaff(leaver, fresh.slug, fresh.staff);
    const boss = server.client();
    await signInStaff(boss, fresh.slug, fresh.manager);
    const answer = (threadId: string) =>
      leaver.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
        variables: { i: { threadId, body: 'Looking into it.' } },
      });
    for (const [name, titles] of [
      ['Cat', ['Cat asks']],
      ['Ann', ['Ann asks', 'Ann asks again']],
      ['Ben', ['Ben asks']],
    ] as const) {
      const token = await guestToken(api, fresh.slug, name);
      for (const title of titles) await answer(await postThread(api, token, { kind: 'QUESTION', title }));
    }
    const refused = await boss.error(
      'mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) { movedThreads } }',
      { variables: { a: globalId('StaffMember', fresh.staff.id), b: [globalId('StaffMember', fresh.staff.id)] } },
    );
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'successorIds' });

    const result = await boss.data(
      `mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) {
        movedThreads successors { name }
        handovers { to { name } threads { title } members { displayName } brief { displayName } } } }`,
      {
        variables: {
          a: globalId('StaffMember', fresh.staff.id),
          b: [globalId('StaffMember', fresh.owner.id), globalId('StaffMember', fresh.agency.id)],
        },
      },
    );
    const done = result.deactivateStaff;
    expect(done.movedThreads).toBe(4);
    expect(done.successors).toEqual([{ name: 'Olive' }, { name: 'Ari' }]);
    const sorted = (list: { title?: string; displayName?: string }[]) =>
      list.map((x) => x.title ?? x.displayName).sort();
    const [olive, ari] = done.handovers;
    // By name in turn: Ann and Cat to Olive, Ben to Ari; each with all of their threads.
    expect(olive.to.name).toBe('Olive');
    expect(sorted(olive.members)).toEqual(['Ann', 'Cat']);
    expect(sorted(olive.threads)).toEqual(['Ann asks', 'Ann asks again', 'Cat asks']);
    expect(sorted(olive.brief)).toEqual(['Ann', 'Cat']);
    expect(ari.to.name).toBe('Ari');
    expect(sorted(ari.members)).toEqual(['Ben']);
    expect(sorted(ari.threads)).toEqual(['Ben asks']);
    expect(sorted(ari.brief)).toEqual(['Ben']);
  });

  it('lets a manager choose who looks after a customer, audited, and refuses a bad choice', async () => {
    const set = await as('manager').data(
      'mutation ($m: ID!, $o: ID!) { setMemberOwner(memberId: $m, ownerId: $o) { id } }',
      {
        variables: { m: members.Bob, o: globalId('StaffMember', brand.agency.id) },
      },
    );
    expect(set.setMemberOwner.id).toBe(members.Bob);
    expect((await memberQuery(members.Bob as string)).community.member.owner).toEqual({ name: 'Ari' });
    const refused = await as('manager').request(
      'mutation ($m: ID!, $o: ID!) { setMemberOwner(memberId: $m, ownerId: $o) { id } }',
      {
        variables: { m: members.Bob, o: globalId('StaffMember', brand.staff.id) }, // deactivated
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const byStaff = await as('agency').request('mutation ($m: ID!) { setMemberOwner(memberId: $m) { id } }', {
      variables: { m: members.Bob },
    });
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("hands an agency's relationships back when its work ends", async () => {
    const wrong = await as('manager').request(
      'mutation ($b: [ID!]!) { endAgency(agencyName: "Nobody Ltd", successorIds: $b) { movedThreads } }',
      {
        variables: { b: [globalId('StaffMember', brand.owner.id)] },
      },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const self = await as('manager').request(
      'mutation ($b: [ID!]!) { endAgency(agencyName: "Northwind", successorIds: $b) { movedThreads } }',
      {
        variables: { b: [globalId('StaffMember', brand.agency.id)] },
      },
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const ended = await as('manager').data(
      'mutation ($b: [ID!]!) { endAgency(agencyName: "Northwind", successorIds: $b) { staff { name isFormer } handovers { reason members { displayName } to { name } } } }',
      { variables: { b: [globalId('StaffMember', brand.owner.id)] } },
    );
    expect(ended.endAgency).toEqual([
      {
        staff: { name: 'Ari', isFormer: true },
        handovers: [{ reason: 'AGENCY_ENDED', members: [{ displayName: 'Bob' }], to: { name: 'Olive' } }],
      },
    ]);
    expect((await memberQuery(members.Bob as string)).community.member.owner).toEqual({ name: 'Olive' });
    // Ari's session ended with the account.
    const after = await as('agency').request('{ viewer { kind } }');
    expect(after.data?.viewer ?? null).toBeNull();
  });
});
