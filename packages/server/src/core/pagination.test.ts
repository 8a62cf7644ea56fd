/**
 * Keyset pages where many rows share the values they are ordered by (most threads have no votes;
 * an import writes many at the same instant): every row comes once, in the order of the list.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Thread } from '../entities/index.ts';
import { ALL_COMMUNITIES, createTestCommunity, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
const ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ backgroundJobs: false });
  brand = await createTestCommunity(server.em());
  const em = server.em();
  const at = new Date('2026-03-01T12:00:00.000Z');
  // Eleven threads: three with a vote each, eight with none, and all but two written at one instant.
  for (let i = 0; i < 11; i++) {
    const thread = em.create(Thread, {
      community: brand.community.id,
      kind: 'IDEA',
      title: `Tied ${i}`,
      body: '',
      voteCount: i < 3 ? 1 : 0,
    });
    ids.push(thread.id);
  }
  await em.flush();
  // Written at fixed times (a new entity's creation time is always now).
  for (const [i, id] of ids.entries()) {
    const createdAt = i === 9 ? new Date(at.getTime() - 60_000) : i === 10 ? new Date(at.getTime() + 60_000) : at;
    await em.nativeUpdate(Thread, { id }, { createdAt }, ALL_COMMUNITIES);
  }
});
afterAll(() => server?.close());

const LIST = `query ($slug: String!, $after: String, $orderBy: ThreadOrder) {
  community(slug: $slug) {
    threads(first: 2, after: $after, orderBy: $orderBy) {
      edges { node { title } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

type ListResult = {
  community: {
    threads: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  };
};

async function everyPage(orderBy: string): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const data: ListResult = await server
      .client()
      .data<ListResult>(LIST, { variables: { slug: brand.slug, after, orderBy } });
    seen.push(...data.community.threads.edges.map((e) => e.node.title));
    if (!data.community.threads.pageInfo.hasNextPage) return seen;
    after = data.community.threads.pageInfo.endCursor;
  }
  throw new Error(`more than 10 pages: ${seen.join(', ')}`);
}

it('pages through threads with equal votes and times, each once, in the order of the list', async () => {
  const title = (i: number) => `Tied ${i}`;
  const byId = (a: number, b: number) => ((ids[b] as string) < (ids[a] as string) ? -1 : 1);
  const time = (i: number) => (i === 9 ? -1 : i === 10 ? 1 : 0);
  const all = ids.map((_, i) => i);
  const newest = [...all].sort((a, b) => time(b) - time(a) || byId(a, b));
  const top = [...all].sort((a, b) => (b < 3 ? 1 : 0) - (a < 3 ? 1 : 0) || time(b) - time(a) || byId(a, b));
  expect(await everyPage('NEW')).toEqual(newest.map(title));
  expect(await everyPage('TOP')).toEqual(top.map(title));
  // Trending ties on its score (none has any yet): by id alone.
  expect(await everyPage('TRENDING')).toEqual([...all].sort(byId).map(title));
});
