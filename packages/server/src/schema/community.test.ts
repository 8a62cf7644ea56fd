import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;

const LIST = `query ($slug: String!, $first: Int, $after: String, $orderBy: ThreadOrder, $status: [ThreadStatus!], $kind: [ThreadKind!], $search: String) {
  community(slug: $slug) {
    name
    threads(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, search: $search) {
      edges { cursor node { title kind voteCount replyCount answeredByStaff } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

type ListResult = {
  community: {
    name: string;
    threads: {
      edges: { cursor: string; node: { title: string; kind: string; voteCount: number; answeredByStaff: boolean } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

async function titles(variables: Record<string, unknown>): Promise<string[]> {
  const data = await server.client().data<ListResult>(LIST, { variables: { slug: brand.slug, ...variables } });
  return data.community?.threads.edges.map((e) => e.node.title) ?? [];
}

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  const client = server.client();
  const author = await guestToken(client, brand.slug, 'Author');
  const first = await postThread(client, author, { title: 'Dark mode for the app', body: 'Easier on the eyes' });
  const second = await postThread(client, author, {
    kind: 'QUESTION',
    title: 'Where is my order?',
    body: 'ZIP code 12345',
  });
  await postThread(client, author, { kind: 'PRAISE', title: 'Great support team' });
  // Votes: "Where is my order?" gets two, "Dark mode" one.
  for (const [i, thread] of [second, second, first].entries()) {
    const voter = await guestToken(client, brand.slug, `Voter ${i}`);
    await client.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', {
      token: voter,
      variables: { id: thread },
    });
  }
  // Another community's thread must never show up here.
  await postThread(client, await guestToken(client, other.slug), { title: 'Other brand idea' });
});

afterAll(() => server?.close());

describe('community(slug).threads', () => {
  it('returns null for an unknown community', async () => {
    const data = await server.client().data<ListResult>(LIST, { variables: { slug: 'no-such-community' } });
    expect(data.community).toBeNull();
  });

  it('orders by votes (TOP), newest (NEW) and unanswered', async () => {
    expect(await titles({ orderBy: 'TOP' })).toEqual([
      'Where is my order?',
      'Dark mode for the app',
      'Great support team',
    ]);
    expect(await titles({ orderBy: 'NEW' })).toEqual([
      'Great support team',
      'Where is my order?',
      'Dark mode for the app',
    ]);
    expect(await titles({ orderBy: 'UNANSWERED' })).toHaveLength(3);
  });

  it('ranks TRENDING by votes weighted by age', async () => {
    const trending = await titles({ orderBy: 'TRENDING' });
    expect(trending[0]).toBe('Where is my order?');
    expect(trending).toHaveLength(3);
  });

  it('filters by kind and status', async () => {
    expect(await titles({ kind: ['QUESTION', 'PRAISE'], orderBy: 'NEW' })).toEqual([
      'Great support team',
      'Where is my order?',
    ]);
    expect(await titles({ status: ['OPEN'] })).toHaveLength(3);
    expect(await titles({ status: ['SHIPPED'] })).toEqual([]);
  });

  it('searches title and text, every word, case-insensitively, without LIKE wildcards', async () => {
    expect(await titles({ search: 'DARK eyes' })).toEqual(['Dark mode for the app']);
    expect(await titles({ search: 'zip' })).toEqual(['Where is my order?']);
    expect(await titles({ search: 'dark order' })).toEqual([]);
    expect(await titles({ search: '%' })).toHaveLength(3);
    expect(await titles({ search: '_a_' })).toEqual(await titles({ search: 'a' }));
  });

  it('pages through every thread with first/after, without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const data: ListResult = await server.client().data<ListResult>(LIST, {
        variables: { slug: brand.slug, first: 1, after, orderBy: 'TOP' },
      });
      const threads = data.community!.threads;
      seen.push(...threads.edges.map((e) => e.node.title));
      if (!threads.pageInfo.hasNextPage) break;
      after = threads.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Where is my order?', 'Dark mode for the app', 'Great support team']);
  });

  it('rejects a forged cursor, too large pages and backward paging with BAD_USER_INPUT', async () => {
    const client = server.client();
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const forged = cursor([{ $gt: 0 }, 'x', 'y']);
    // Well-formed but of the wrong types: no database error may come of them.
    const wrongTypes = [cursor(['x', 'y', 'z']), cursor([1, 'not a date', 'z']), cursor([1, '2026-01-01', 'z'])];
    for (const variables of [
      { after: 'not-a-cursor' },
      { after: forged },
      ...wrongTypes.map((after) => ({ after })),
      { first: 51 },
      { first: 0 },
    ]) {
      const error = await client.error(LIST, { variables: { slug: brand.slug, ...variables } });
      expect(error.code).toBe('BAD_USER_INPUT');
    }
    const backward = await client.error(
      'query ($s: String!) { community(slug: $s) { threads(last: 2) { edges { cursor } } } }',
      { variables: { s: brand.slug } },
    );
    expect(backward).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('forward') });
  });

  it('never shows another community to a customer of this one', async () => {
    const token = await ssoToken(brand, { sub: 'customer-1', name: 'Casey' });
    const data = await server.client().data<ListResult>(LIST, { token, variables: { slug: other.slug } });
    expect(data.community).toBeNull();
    const own = await server.client().data<ListResult>(LIST, { token, variables: { slug: brand.slug } });
    expect(own.community?.threads.edges.map((e) => e.node.title)).not.toContain('Other brand idea');
  });

  it('reads one community per anonymous request', async () => {
    const result = await server
      .client()
      .request('query ($a: String!, $b: String!) { a: community(slug: $a) { name } b: community(slug: $b) { name } }', {
        variables: { a: brand.slug, b: other.slug },
      });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
