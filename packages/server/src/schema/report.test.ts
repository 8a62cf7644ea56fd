import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let manager: GraphQLClient;

const REPORT = 'mutation ($i: ReportInput!) { reportContent(input: $i) { id reason } }';
const QUEUE = `query ($s: String!) { community(slug: $s) { reports(first: 20) { edges { node {
  id reason thread { title } reply { body } reporter { displayName }
} } } } }`;
const queue = async () =>
  (await manager.data(QUEUE, { variables: { s: brand.slug } })).community.reports.edges.map((e: any) => e.node);

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

it('queues reports for managers; hiding resolves every report on the item, dismissing one', async () => {
  const troll = await guestToken(server.client(), brand.slug, 'Troll');
  const [ann, bob] = await Promise.all(['Ann', 'Bob'].map((n) => guestToken(server.client(), brand.slug, n)));
  const thread = await postThread(server.client(), ann, { title: 'Nice topic' });
  const reply = await server.client().data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: troll,
    variables: { i: { threadId: thread, body: 'You are all idiots' } },
  });
  const replyId = reply.reply.id;
  const first = await server
    .client()
    .data(REPORT, { token: ann, variables: { i: { threadId: thread, replyId, reason: 'Insulting' } } });
  await server.client().data(REPORT, { token: bob, variables: { i: { threadId: thread, replyId, reason: 'Rude' } } });
  const again = await server
    .client()
    .error(REPORT, { token: ann, variables: { i: { threadId: thread, replyId, reason: 'Still rude' } } });
  expect(again.code).toBe('CONFLICT');
  const other = await server
    .client()
    .data(REPORT, { token: troll, variables: { i: { threadId: thread, reason: 'I do not like it' } } });
  expect((await queue()).map((r: any) => [r.reason, r.reply?.body ?? null, r.reporter.displayName])).toEqual([
    ['Insulting', 'You are all idiots', 'Ann'],
    ['Rude', 'You are all idiots', 'Bob'],
    ['I do not like it', null, 'Troll'],
  ]);

  await manager.data('mutation ($id: ID!) { resolveReport(reportId: $id, resolution: HIDDEN) { resolution } }', {
    variables: { id: first.reportContent.id },
  });
  expect((await queue()).map((r: any) => r.reason)).toEqual(['I do not like it']);
  const replies = await server
    .client()
    .data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { replyCount replies(first: 5) { edges { node { body } } } } } }',
      { variables: { s: brand.slug, id: thread } },
    );
  expect(replies.community.thread).toEqual({ replyCount: 0, replies: { edges: [] } });

  const dismissed = await manager.data(
    'mutation ($id: ID!) { resolveReport(reportId: $id, resolution: DISMISSED) { resolution resolvedBy { name } } }',
    {
      variables: { id: other.reportContent.id },
    },
  );
  expect(dismissed.resolveReport).toEqual({ resolution: 'DISMISSED', resolvedBy: { name: 'Mia' } });
  expect(await queue()).toEqual([]);
});

it('does not take reports of one’s own post, and says so', async () => {
  const author = await guestToken(server.client(), brand.slug, 'Self');
  const thread = await postThread(server.client(), author, { title: 'My own post' });
  const mine = `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { viewerIsAuthor } } }`;
  const seen = await server.client().data(mine, { token: author, variables: { s: brand.slug, id: thread } });
  expect(seen.community.thread.viewerIsAuthor).toBe(true);
  const other = await guestToken(server.client(), brand.slug, 'Other');
  const theirs = await server.client().data(mine, { token: other, variables: { s: brand.slug, id: thread } });
  expect(theirs.community.thread.viewerIsAuthor).toBe(false);
  expect(
    await server.client().error(REPORT, { token: author, variables: { i: { threadId: thread, reason: 'Oops' } } }),
  ).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('your own post') });
});

it('suspends and reinstates a member', async () => {
  const token = await guestToken(server.client(), brand.slug, 'Flamer');
  const me = await server.client().data('{ viewer { member { id } } }', { token });
  const memberId = me.viewer.member.id;
  await manager.data(
    'mutation ($id: ID!) { suspendMember(memberId: $id, reason: "Repeated insults") { isSuspended suspendedReason } }',
    {
      variables: { id: memberId },
    },
  );
  const refused = await server
    .client()
    .error('mutation { postThread(input: { kind: IDEA, title: "Let me back" }) { id } }', { token });
  expect(refused.code).toBe('FORBIDDEN');
  await manager.data('mutation ($id: ID!) { unsuspendMember(memberId: $id) { isSuspended } }', {
    variables: { id: memberId },
  });
  await server
    .client()
    .data('mutation { postThread(input: { kind: IDEA, title: "Sorry, back now" }) { id } }', { token });
});

it('keeps a suspended member from editing, deleting or reporting, and anyone from editing in a locked thread', async () => {
  const token = await guestToken(server.client(), brand.slug, 'Turncoat');
  const client = server.client();
  const thread = await postThread(client, token, { title: 'Innocent at first' });
  const { reply } = await client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token,
    variables: { i: { threadId: thread, body: 'Innocent reply' } },
  });
  const other = await postThread(client, await guestToken(client, brand.slug, 'Bystander'), { title: 'Other thread' });
  const memberId = (await client.data('{ viewer { member { id } } }', { token })).viewer.member.id;
  await manager.data('mutation ($id: ID!) { suspendMember(memberId: $id, reason: "Spam wave") { id } }', {
    variables: { id: memberId },
  });
  const EDIT_THREAD = 'mutation ($i: EditThreadInput!) { editThread(input: $i) { id } }';
  const EDIT_REPLY = 'mutation ($i: EditReplyInput!) { editReply(input: $i) { id } }';
  const refusals = [
    await client.error(EDIT_THREAD, { token, variables: { i: { threadId: thread, title: 'CHEAP BOOTS' } } }),
    await client.error(EDIT_REPLY, { token, variables: { i: { replyId: reply.id, body: 'CHEAP BOOTS' } } }),
    await client.error('mutation ($id: ID!) { deleteReply(replyId: $id) }', { token, variables: { id: reply.id } }),
    await client.error(REPORT, { token, variables: { i: { threadId: other, reason: 'Revenge report' } } }),
  ];
  for (const refusal of refusals)
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('suspended') });
  const seen = await client.data(
    'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { viewerCanEdit } } }',
    { token, variables: { s: brand.slug, id: thread } },
  );
  expect(seen.community.thread.viewerCanEdit).toBe(false);

  // In a locked thread, nobody's reply changes any more (its author not suspended).
  const writer = await guestToken(client, brand.slug, 'Writer');
  const locked = await postThread(client, writer, { title: 'About to be locked' });
  const mine = await client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: writer,
    variables: { i: { threadId: locked, body: 'Said before the lock' } },
  });
  await manager.data('mutation ($id: ID!) { lockThread(threadId: $id) { id } }', { variables: { id: locked } });
  expect(
    await client.error(EDIT_REPLY, {
      token: writer,
      variables: { i: { replyId: mine.reply.id, body: 'Changed after' } },
    }),
  ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('locked') });
  expect(
    await client.error(EDIT_THREAD, { token: writer, variables: { i: { threadId: locked, title: 'Changed after' } } }),
  ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('locked') });
});
