import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCommunity,
  guestToken,
  postThread,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let staff: GraphQLClient;

const MEMBERS = `query ($s: String!, $q: String, $o: MemberOrder) { community(slug: $s) {
  members(first: 20, search: $q, orderBy: $o) { edges { node { displayName email threadCount replyCount voteCount } } }
} }`;
const names = async (variables: Record<string, unknown>) =>
  (await staff.data(MEMBERS, { variables: { s: brand.slug, ...variables } })).community.members.edges.map(
    (e: any) => e.node.displayName,
  );

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  const busy = await ssoToken(brand, { sub: 'busy', name: 'Busy Bea', email: 'bea@customer.example' });
  const quiet = await guestToken(server.client(), brand.slug, 'Quiet Quinn');
  const t1 = await postThread(server.client(), busy, { title: 'First from Bea' });
  await postThread(server.client(), busy, { title: 'Second from Bea' });
  await server.client().data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: quiet,
    variables: { i: { threadId: t1, body: 'Agreed' } },
  });
  await server
    .client()
    .data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token: quiet, variables: { id: t1 } });
  await staff.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    variables: { i: { threadId: t1, body: 'Thanks Bea!' } },
  });
});
afterAll(() => server?.close());

describe('members', () => {
  it('lists customers with their activity, searchable and sortable', async () => {
    const all = (await staff.data(MEMBERS, { variables: { s: brand.slug, o: 'THREADS' } })).community.members.edges.map(
      (e: any) => e.node,
    );
    expect(all[0]).toEqual({
      displayName: 'Busy Bea',
      email: 'bea@customer.example',
      threadCount: 2,
      replyCount: 0,
      voteCount: 0,
    });
    expect(all.find((m: any) => m.displayName === 'Quiet Quinn')).toMatchObject({
      threadCount: 0,
      replyCount: 1,
      voteCount: 1,
    });
    expect(await names({ q: 'BEA@' })).toEqual(['Busy Bea']);
    expect(await names({ q: 'quinn' })).toEqual(['Quiet Quinn']);
    expect(await names({ o: 'NAME' })).toEqual(['Busy Bea', 'Quiet Quinn']);
  });

  it('gives the relationship brief: threads, activity, and which staff talked with them when', async () => {
    const list = await staff.data(
      `query ($s: String!) { community(slug: $s) { members(first: 1, search: "bea") { edges { node { id } } } } }`,
      {
        variables: { s: brand.slug },
      },
    );
    const memberId = list.community.members.edges[0].node.id;
    const brief = await staff.data(
      `query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) {
      displayName kind externalId firstSeenAt lastSeenAt isSuspended
      threads(first: 5) { edges { node { title } } }
      staffContacts { staff { name title } replies firstAt lastAt }
      contactHistory(first: 10) { createdAt body author { displayName } thread { title } }
    } } }`,
      { variables: { s: brand.slug, id: memberId } },
    );
    const member = brief.community.member;
    expect(member).toMatchObject({ displayName: 'Busy Bea', kind: 'SSO', externalId: 'busy', isSuspended: false });
    expect(member.threads.edges.map((e: any) => e.node.title)).toEqual(['Second from Bea', 'First from Bea']);
    expect(member.staffContacts).toHaveLength(1);
    expect(member.staffContacts[0]).toMatchObject({ staff: { name: 'Sam', title: 'Support Lead' }, replies: 1 });
    // Every contact: who, when, in which thread.
    expect(member.contactHistory).toHaveLength(1);
    expect(member.contactHistory[0]).toMatchObject({
      body: 'Thanks Bea!',
      author: { displayName: 'Sam' },
      thread: { title: 'First from Bea' },
    });
    const tooMany = await staff.request(
      'query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { contactHistory(first: 500) { id } } } }',
      { variables: { s: brand.slug, id: memberId } },
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('shows customers nothing but the public name', async () => {
    const token = await guestToken(server.client(), brand.slug, 'Nosy');
    const result = await server.client().request(MEMBERS, { token, variables: { s: brand.slug } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
