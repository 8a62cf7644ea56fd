import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createTestCommunity,
  guestToken,
  postThread,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

/** Every SQL statement the server runs, from MikroORM's query log. */
const statements: string[] = [];
let server: TestServer;
let brand: TestCommunity;
let viewer: string;

const PAGE = `query ($s: String!, $first: Int!) { community(slug: $s) { threads(first: $first, orderBy: TOP) { edges { node {
  title voteCount replyCount answeredByStaff viewerHasVoted viewerIsFollowing
  author { displayName ... on StaffMember { title badge } ... on Member { isAmbassador } }
  lastStatusChange { note staff { name } }
} } } } }`;

beforeAll(async () => {
  server = await startTestServer({
    // No background job may add its queries to those counted here.
    backgroundJobs: false,
    ormOverrides: { debug: ['query'], logger: (message: string) => statements.push(message) },
  });
  brand = await createTestCommunity(server.em());
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  // 40 ideas by 40 different authors (some staff), with votes, replies and status changes.
  for (let i = 0; i < 40; i++) {
    const author = i % 5 === 0 ? undefined : await guestToken(server.client(), brand.slug, `Author ${i}`);
    const client = author ? server.client() : staff;
    const id = await postThread(client, author, { title: `Idea ${i}` });
    if (i % 3 === 0) {
      await staff.data('mutation ($id: ID!) { reply(input: { threadId: $id, body: "Thanks!" }) { id } }', {
        variables: { id },
      });
      await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
        variables: { i: { threadId: id, status: 'PLANNED', note: 'Planned' } },
      });
    }
  }
  viewer = await ssoToken(brand, { sub: 'counting-viewer', name: 'Counter' });
});
afterAll(() => server?.close());

async function statementsFor(first: number): Promise<string[]> {
  // Warm up the viewer's member row, so the count is about the list, not the first sign-in.
  await server.client().data('{ viewer { kind } }', { token: viewer });
  statements.length = 0;
  const data = await server.client().data(PAGE, { token: viewer, variables: { s: brand.slug, first } });
  expect(data.community.threads.edges).toHaveLength(first);
  return statements.filter((s) => /\bselect\b/i.test(s));
}

it('loads a page of 20 ideas with authors, counts and viewer state in a fixed number of queries', async () => {
  const five = await statementsFor(5);
  const twenty = await statementsFor(20);
  const forty = await statementsFor(40);
  // No N+1: the number of statements does not grow with the page (it may shrink: the community
  // is read from the shared cache once the first request has looked it up).
  expect(five.length).toBeGreaterThanOrEqual(4);
  expect(twenty.length).toBeLessThanOrEqual(five.length);
  expect(forty.length).toBeLessThanOrEqual(five.length);
  // viewer's SSO key + member, community, threads, member authors, staff authors, votes,
  // follows, status changes, their staff: each at most once.
  expect(twenty.length).toBeLessThanOrEqual(10);
});
