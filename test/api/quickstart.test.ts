/**
 * The foundation's "done when", as a new user meets it: the server started the way `pnpm start`
 * starts it (its own process, an empty database, the demo seeded), and plain GraphQL clients
 * over HTTP reading, posting as a guest, voting, and a second client hearing it live.
 */
import { createTestDatabase, type TestDatabase } from '@rapport/server/testing/database.ts';
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { type ServerProcess, startServerProcess } from '@rapport/server/testing/process.ts';
import { subscribe } from '@rapport/server/testing/sse.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';

let database: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess({ DATABASE_URL: database.url });
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

it('reads the demo, posts as a guest, votes, replies, and a subscriber hears it live', async () => {
  const endpoint = `${server.url}/graphql`;
  const reader = new GraphQLClient(endpoint);

  const demo = await reader.data(`{ community(slug: "demo") { name threads(first: 10, orderBy: TOP) {
    edges { node { title voteCount replyCount answeredByStaff author { displayName } } } } } }`);
  expect(demo.community.name).toBe('Acme Outdoor');
  expect(demo.community.threads.edges.length).toBeGreaterThanOrEqual(5);
  expect(demo.community.threads.edges[0].node).toMatchObject({ voteCount: 4, answeredByStaff: true });

  const guest = new GraphQLClient(endpoint);
  const { startGuestSession } = await guest.data(
    'mutation { startGuestSession(community: "demo", displayName: "Quinn") { token viewer { kind } } }',
  );
  expect(startGuestSession.viewer.kind).toBe('GUEST');
  const token = startGuestSession.token;

  const { postThread } = await guest.data(
    'mutation ($input: PostThreadInput!) { postThread(input: $input) { id title voteCount replyCount author { displayName } } }',
    {
      token,
      variables: {
        input: { kind: 'IDEA', title: 'Gift cards for the repair service', body: 'Would be a great present.' },
      },
    },
  );
  expect(postThread).toMatchObject({ voteCount: 0, replyCount: 0, author: { displayName: 'Quinn' } });

  const live = subscribe(
    endpoint,
    `subscription ($id: ID!) { threadEvents(community: "demo", threadId: $id) {
      __typename ... on VoteCountChangedEvent { voteCount } ... on ReplyAddedEvent { reply { body } thread { replyCount } }
    } }`,
    { variables: { id: postThread.id } },
  );
  await live.ready;

  const voted = await guest.data('mutation ($id: ID!) { vote(threadId: $id) { voteCount viewerHasVoted } }', {
    token,
    variables: { id: postThread.id },
  });
  expect(voted.vote).toEqual({ voteCount: 1, viewerHasVoted: true });
  expect((await live.next()).data.threadEvents).toEqual({ __typename: 'VoteCountChangedEvent', voteCount: 1 });

  await guest.data('mutation ($id: ID!) { reply(input: { threadId: $id, body: "Even for the tents!" }) { id } }', {
    token,
    variables: { id: postThread.id },
  });
  expect((await live.next()).data.threadEvents).toEqual({
    __typename: 'ReplyAddedEvent',
    reply: { body: 'Even for the tents!' },
    thread: { replyCount: 1 },
  });

  const after = await reader.data(
    'query ($id: ID!) { community(slug: "demo") { thread(id: $id) { voteCount replyCount } } }',
    { variables: { id: postThread.id } },
  );
  expect(after.community.thread).toEqual({ voteCount: 1, replyCount: 1 });
  live.close();
});
