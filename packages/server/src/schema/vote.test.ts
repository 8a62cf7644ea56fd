import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity, Thread, Vote } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  rawId,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let author: string;

const VOTE = 'mutation ($id: ID!) { vote(threadId: $id) { voteCount viewerHasVoted } }';
const UNVOTE = 'mutation ($id: ID!) { unvote(threadId: $id) { voteCount viewerHasVoted } }';

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  author = await guestToken(server.client(), brand.slug, 'Author');
});
afterAll(() => server?.close());

describe('vote / unvote', () => {
  it('counts one vote per member, and takes it back', async () => {
    const id = await postThread(server.client(), author, { title: 'Vote on me' });
    const voter = await ssoToken(brand, { sub: 'voter-1', name: 'Vic' });
    const client = server.client();
    expect((await client.data(VOTE, { token: voter, variables: { id } })).vote).toEqual({
      voteCount: 1,
      viewerHasVoted: true,
    });
    expect((await client.data(VOTE, { token: voter, variables: { id } })).vote).toEqual({
      voteCount: 1,
      viewerHasVoted: true,
    });
    expect((await client.data(UNVOTE, { token: voter, variables: { id } })).unvote).toEqual({
      voteCount: 0,
      viewerHasVoted: false,
    });
    expect((await client.data(UNVOTE, { token: voter, variables: { id } })).unvote).toEqual({
      voteCount: 0,
      viewerHasVoted: false,
    });
    const types = (
      await server
        .em()
        .find(Activity, { thread: rawId(id) }, { ...ALL_COMMUNITIES, orderBy: { createdAt: 'asc', id: 'asc' } })
    ).map((a) => a.type);
    expect(types).toEqual(['THREAD_POSTED', 'VOTE_ADDED', 'VOTE_REMOVED']);
    const added = await server.em().findOneOrFail(Activity, { thread: rawId(id), type: 'VOTE_ADDED' }, ALL_COMMUNITIES);
    expect(added.subjectMember?.id).toBeTruthy();
  });

  it('keeps the counter equal to the rows under concurrent votes', async () => {
    const id = await postThread(server.client(), author, { title: 'Popular idea' });
    const voters = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ssoToken(brand, { sub: `crowd-${i}`, name: `C${i}` })),
    );
    // Every voter votes twice at once: twelve votes, not twenty-four, and no errors.
    const results = await Promise.all(
      [...voters, ...voters].map((token) => server.client().request(VOTE, { token, variables: { id } })),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const thread = await server.em().findOneOrFail(Thread, { id: rawId(id) }, ALL_COMMUNITIES);
    expect(thread.voteCount).toBe(12);
    expect(await server.em().count(Vote, { thread: rawId(id) }, ALL_COMMUNITIES)).toBe(12);
    await Promise.all(voters.slice(0, 5).map((token) => server.client().data(UNVOTE, { token, variables: { id } })));
    const after = await server.em().findOneOrFail(Thread, { id: rawId(id) }, ALL_COMMUNITIES);
    expect(after.voteCount).toBe(7);
    expect(await server.em().count(Vote, { thread: rawId(id) }, ALL_COMMUNITIES)).toBe(7);
  });

  it('moves a thread up the TRENDING order', async () => {
    const fresh = await createTestCommunity(server.em());
    const poster = await guestToken(server.client(), fresh.slug, 'Poster');
    const older = await postThread(server.client(), poster, { title: 'Older but loved' });
    await postThread(server.client(), poster, { title: 'Newer, no votes' });
    for (let i = 0; i < 3; i++) {
      const token = await guestToken(server.client(), fresh.slug, `Fan ${i}`);
      await server.client().data(VOTE, { token, variables: { id: older } });
    }
    const data = await server
      .client()
      .data(
        'query ($s: String!) { community(slug: $s) { threads(orderBy: TRENDING, first: 1) { edges { node { title } } } } }',
        { variables: { s: fresh.slug } },
      );
    expect(data.community.threads.edges[0].node.title).toBe('Older but loved');
  });

  it('refuses anonymous voters, staff, and threads of another community', async () => {
    const id = await postThread(server.client(), author, { title: 'Guarded' });
    expect(await server.client().error(VOTE, { variables: { id } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    expect(await staff.error(VOTE, { variables: { id } })).toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await guestToken(server.client(), other.slug, 'Outsider');
    expect(await server.client().error(VOTE, { token: outsider, variables: { id } })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await server.em().count(Vote, { thread: rawId(id) }, ALL_COMMUNITIES)).toBe(0);
  });
});
