import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCommunity,
  globalId,
  guestToken,
  postThread,
  STAFF_PASSWORD,
  signInStaff,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let owner: GraphQLClient;
let manager: GraphQLClient;

const INVITE = 'mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { url staff { id name role hasPassword } } }';
const SET_PASSWORD =
  'mutation ($t: String!, $p: String!) { setStaffPassword(token: $t, password: $p) { kind staff { name } } }';
const DEACTIVATE =
  'mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) { movedThreads successors { name } } }';
const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  owner = server.client();
  manager = server.client();
  await signInStaff(owner, brand.slug, brand.owner);
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

describe('inviting staff', () => {
  it("builds links from the server's public address, whatever Host the request claims", async () => {
    const invited = await manager.data(INVITE, {
      headers: { host: 'evil.example' },
      variables: { i: { email: 'hosted@brand.example', name: 'Hal Host', role: 'STAFF' } },
    });
    expect(invited.inviteStaff.url.startsWith(`${server.url}/admin/set-password#token=rp_`)).toBe(true);
    const page = await fetch(`${server.url}/`, { headers: { host: 'evil.example' } });
    const html = await page.text();
    expect(html).toContain(`src="${server.url}/widget.js"`);
    expect(html).not.toContain('evil.example');
  });

  it('creates the account with a one-time link; the invitee sets a password and is signed in', async () => {
    const invited = await manager.data(INVITE, {
      variables: { i: { email: 'nia@brand.example', name: 'Nia New', role: 'STAFF', title: 'Support' } },
    });
    expect(invited.inviteStaff.staff).toMatchObject({ name: 'Nia New', role: 'STAFF', hasPassword: false });
    expect(invited.inviteStaff.url).toMatch(/\/admin\/set-password#token=rp_/);
    // Without a password nobody can sign in as the invitee.
    const early = await server
      .client()
      .error(
        'mutation ($c: String!) { staffSignIn(community: $c, email: "nia@brand.example", password: "") { kind } }',
        {
          variables: { c: brand.slug },
        },
      );
    expect(early.code).toBe('UNAUTHENTICATED');

    const invitee = server.client();
    const token = tokenOf(invited.inviteStaff.url);
    const short = await invitee.error(SET_PASSWORD, { variables: { t: token, p: 'short' } });
    expect(short).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const set = await invitee.data(SET_PASSWORD, { variables: { t: token, p: 'nia has a long password' } });
    expect(set.setStaffPassword).toEqual({ kind: 'STAFF', staff: { name: 'Nia New' } });
    expect((await invitee.data('{ viewer { kind } }')).viewer.kind).toBe('STAFF');
    // The link works once.
    const again = await server.client().error(SET_PASSWORD, { variables: { t: token, p: 'another long password' } });
    expect(again.code).toBe('UNAUTHENTICATED');
  });

  it('lets managers add staff and agency staff, and only owners add managers and owners', async () => {
    const asManager = await manager.error(INVITE, {
      variables: { i: { email: 'boss@brand.example', name: 'Boss', role: 'MANAGER' } },
    });
    expect(asManager.code).toBe('FORBIDDEN');
    const agency = await manager.data(INVITE, {
      variables: { i: { email: 'ag@agency.example', name: 'Agnes', role: 'AGENCY', agencyName: 'Northwind' } },
    });
    expect(agency.inviteStaff.staff.role).toBe('AGENCY');
    const asOwner = await owner.data(INVITE, {
      variables: { i: { email: 'boss@brand.example', name: 'Boss', role: 'MANAGER' } },
    });
    expect(asOwner.inviteStaff.staff.role).toBe('MANAGER');
    const duplicate = await owner.error(INVITE, {
      variables: { i: { email: 'boss@brand.example', name: 'Boss 2', role: 'STAFF' } },
    });
    expect(duplicate.code).toBe('CONFLICT');
  });
});

describe('changing and deactivating staff', () => {
  it('changes a role, and keeps at least one owner', async () => {
    const changed = await owner.data(
      'mutation ($i: UpdateStaffInput!) { updateStaff(input: $i) { role agencyName } }',
      {
        variables: {
          i: { staffId: globalId('StaffMember', brand.staff.id), role: 'AGENCY', agencyName: 'Helpdesk Co' },
        },
      },
    );
    expect(changed.updateStaff).toEqual({ role: 'AGENCY', agencyName: 'Helpdesk Co' });
    const lastOwner = await owner.error('mutation ($i: UpdateStaffInput!) { updateStaff(input: $i) { role } }', {
      variables: { i: { staffId: globalId('StaffMember', brand.owner.id), role: 'MANAGER' } },
    });
    expect(lastOwner).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
  });

  it('deactivates someone only with a successor, who takes their open threads; their sessions end', async () => {
    const fresh = await createTestCommunity(server.em());
    const boss = server.client();
    await signInStaff(boss, fresh.slug, fresh.manager);
    const leaver = server.client();
    await signInStaff(leaver, fresh.slug, fresh.staff);
    const customer = await guestToken(server.client(), fresh.slug, 'Loyal');
    const open = await postThread(server.client(), customer, { kind: 'QUESTION', title: 'Open question' });
    const shipped = await postThread(server.client(), customer, { kind: 'IDEA', title: 'Shipped idea' });
    for (const id of [open, shipped]) {
      await leaver.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
        variables: { i: { threadId: id, body: 'On it.' } },
      });
    }
    await leaver.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: shipped, status: 'SHIPPED' } },
    });
    const withoutSuccessor = await boss.error(DEACTIVATE, {
      variables: { a: globalId('StaffMember', fresh.staff.id), b: [globalId('StaffMember', fresh.staff.id)] },
    });
    expect(withoutSuccessor).toMatchObject({ code: 'BAD_USER_INPUT', field: 'successorIds' });
    const nobody = await boss.error(DEACTIVATE, { variables: { a: globalId('StaffMember', fresh.staff.id), b: [] } });
    expect(nobody).toMatchObject({ code: 'BAD_USER_INPUT', field: 'successorIds' });
    const self = await boss.error(DEACTIVATE, {
      variables: { a: globalId('StaffMember', fresh.manager.id), b: [globalId('StaffMember', fresh.owner.id)] },
    });
    expect(self.code).toBe('BAD_USER_INPUT');

    const done = await boss.data(DEACTIVATE, {
      variables: { a: globalId('StaffMember', fresh.staff.id), b: [globalId('StaffMember', fresh.agency.id)] },
    });
    expect(done.deactivateStaff).toEqual({ movedThreads: 1, successors: [{ name: 'Ari' }] });
    expect((await leaver.data('{ viewer { kind } }')).viewer).toBeNull();
    const successor = server.client();
    await signInStaff(successor, fresh.slug, fresh.agency);
    const mine = await successor.data(
      'query ($s: String!) { community(slug: $s) { thread(id: $id) { assignee { name } } } }'.replace(
        '$s: String!',
        '$s: String!, $id: ID!',
      ),
      {
        variables: { s: fresh.slug, id: open },
      },
    );
    expect(mine.community.thread.assignee).toEqual({ name: 'Ari' });
    // The leaver's replies stay theirs, marked as former staff.
    const replies = await server
      .client()
      .data(
        'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { replies(first: 5) { edges { node { author { displayName ... on StaffMember { isFormer } } } } } } } }',
        { variables: { s: fresh.slug, id: open } },
      );
    expect(replies.community.thread.replies.edges[0].node.author).toEqual({ displayName: 'Sam', isFormer: true });
    const signIn = await server
      .client()
      .error(
        'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
        {
          variables: { c: fresh.slug, e: fresh.staff.email, p: STAFF_PASSWORD },
        },
      );
    expect(signIn.code).toBe('UNAUTHENTICATED');
  });

  it('lets staff keep their own profile', async () => {
    const me = server.client();
    await signInStaff(me, brand.slug, brand.agency);
    const updated = await me.data(
      'mutation ($i: ProfileInput!) { updateMyProfile(input: $i) { name title avatarUrl } }',
      {
        variables: { i: { title: 'Senior Support Agent', avatarUrl: 'https://cdn.example/ari.png' } },
      },
    );
    expect(updated.updateMyProfile).toEqual({
      name: 'Ari',
      title: 'Senior Support Agent',
      avatarUrl: 'https://cdn.example/ari.png',
    });
    const bad = await me.error('mutation ($i: ProfileInput!) { updateMyProfile(input: $i) { name } }', {
      variables: { i: { avatarUrl: 'javascript:alert(1)' } },
    });
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'avatarUrl' });
  });
});
