import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;

const THREAD = `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
  title body withdrawnAt viewerRemoval replyCount voteCount } } }`;
const DELETE = 'mutation ($id: ID!) { deleteThread(threadId: $id) }';
const WITHDRAW = 'mutation ($id: ID!) { withdrawThread(threadId: $id) { withdrawnAt body viewerRemoval } }';
const REPLY = 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }';

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

const read = async (id: string, token?: string, client = server.client()) =>
  (await client.data(THREAD, { token, variables: { s: brand.slug, id } })).community.thread;

it('deletes a thread nobody else has taken part in', async () => {
  const client = server.client();
  const author = await guestToken(client, brand.slug, 'Alone');
  const id = await postThread(client, author, { title: 'Just me so far', body: 'Nobody answered' });
  expect((await read(id, author)).viewerRemoval).toBe('DELETE');
  // Replying to oneself is not someone else taking part.
  await client.data(REPLY, { token: author, variables: { i: { threadId: id, body: 'Adding a detail' } } });
  expect((await read(id, author)).viewerRemoval).toBe('DELETE');
  await client.data(DELETE, { token: author, variables: { id } });
  expect(await read(id, author)).toBeNull();
});

it('keeps a conversation others took part in: the author withdraws it instead', async () => {
  const client = server.client();
  const author = await guestToken(client, brand.slug, 'Author');
  const voter = await guestToken(client, brand.slug, 'Voter');
  const id = await postThread(client, author, { title: 'An idea others like', body: 'The original text' });
  await client.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token: voter, variables: { id } });
  await client.data(REPLY, { token: voter, variables: { i: { threadId: id, body: 'Yes please' } } });

  expect((await read(id, author)).viewerRemoval).toBe('WITHDRAW');
  expect((await read(id, voter)).viewerRemoval).toBeNull();
  expect(await client.error(DELETE, { token: author, variables: { id } })).toMatchObject({
    code: 'CONFLICT',
    message: expect.stringContaining('withdraw it instead'),
  });
  expect(await client.error(WITHDRAW, { token: voter, variables: { id } })).toMatchObject({ code: 'FORBIDDEN' });

  const withdrawn = (await client.data(WITHDRAW, { token: author, variables: { id } })).withdrawThread;
  expect(withdrawn).toMatchObject({ body: '', viewerRemoval: null });
  expect(withdrawn.withdrawnAt).toBeTruthy();
  // The conversation stays for everyone, without the withdrawn text; staff still read it.
  expect(await read(id, voter)).toMatchObject({ title: 'An idea others like', body: '', replyCount: 1, voteCount: 1 });
  expect(await read(id)).toMatchObject({ body: '' });
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  expect(await read(id, undefined, staff)).toMatchObject({ body: 'The original text' });
  // Withdrawn is final: no more edits, and a second withdrawal changes nothing.
  expect(
    await client.error('mutation ($i: EditThreadInput!) { editThread(input: $i) { id } }', {
      token: author,
      variables: { i: { threadId: id, body: 'Sneaky new text' } },
    }),
  ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('withdrew') });
  expect((await client.data(WITHDRAW, { token: author, variables: { id } })).withdrawThread.withdrawnAt).toBe(
    withdrawn.withdrawnAt,
  );
});

it('counts a staff answer as taking part', async () => {
  const client = server.client();
  const author = await guestToken(client, brand.slug, 'Asker');
  const id = await postThread(client, author, { kind: 'QUESTION', title: 'How do I export?' });
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  await staff.data(REPLY, { variables: { i: { threadId: id, body: 'Settings, then Export.' } } });
  expect((await read(id, author)).viewerRemoval).toBe('WITHDRAW');
  expect(await client.error(DELETE, { token: author, variables: { id } })).toMatchObject({ code: 'CONFLICT' });
});
