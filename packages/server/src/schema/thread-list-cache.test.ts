/**
 * The widget's list of threads is kept in a cache shared by every request (services/thread-list.ts):
 * these tests read it through the API before and after each kind of write that changes what it
 * shows, and check that the next read shows the change at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member } from '../entities/index.ts';
import { eraseDue } from '../services/erasure.ts';
import { ALL_COMMUNITIES, createTestCommunity, postThread, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

/** Every SQL statement the server runs. */
const statements: string[] = [];
let t: TestBrand;
let staffClient: TestBrand['manager'];

const LIST = `query ($s: String!, $order: ThreadOrder) { community(slug: $s) { threads(first: 20, orderBy: $order) { edges { node {
  id title status voteCount replyCount answeredByStaff
  author { displayName ... on StaffMember { title } ... on Member { isAmbassador } }
} } } } }`;

interface Row {
  id: string;
  title: string;
  status: string;
  voteCount: number;
  replyCount: number;
  answeredByStaff: boolean;
  author: { displayName: string; title?: string; isAmbassador?: boolean } | null;
}

async function list(options: { token?: string; staff?: boolean; order?: string } = {}): Promise<Row[]> {
  const client = options.staff ? staffClient : t.api;
  const data = await client.data(LIST, { token: options.token, variables: { s: t.brand.slug, order: options.order } });
  return data.community.threads.edges.map((e: { node: Row }) => e.node);
}

const row = (rows: Row[], id: string) => rows.find((r) => r.id === id);
/** How many times `read` selected from the thread table (or from any, with `table` null). */
async function threadQueriesOf(read: () => Promise<unknown>, table: string | null = 'thread'): Promise<number> {
  statements.length = 0;
  await read();
  const from = table ? new RegExp(`from [\`"]${table}[\`"]`, 'i') : /./;
  return statements.filter((s) => /\bselect\b/i.test(s) && from.test(s)).length;
}

/** Reads the list twice, so that the write that follows must expire a cached page to be seen. */
async function warm(options: Parameters<typeof list>[0] = {}): Promise<void> {
  await list(options);
  await list(options);
}

let customer: string;
let idea: string;
let question: string;

beforeAll(async () => {
  t = await startTestBrand({
    backgroundJobs: false,
    ormOverrides: { debug: ['query'], logger: (message: string) => statements.push(message) },
  });
  staffClient = t.manager;
  customer = await ssoToken(t.brand, { sub: 'cache-customer', name: 'Cora Customer' });
  idea = await postThread(t.api, customer, { title: 'Bike racks on the trains' });
  question = await postThread(t.api, customer, { kind: 'QUESTION', title: 'Are dogs allowed on board?' });
});
afterAll(() => t?.server.close());

describe('the shared list of threads', () => {
  it('is read from the database once, then from the cache, until something changes', async () => {
    await warm();
    // A visitor who is not signed in costs no query at all: community, page and authors are cached.
    expect(await threadQueriesOf(list, null)).toBe(0);
    expect(await threadQueriesOf(list)).toBe(0);
    await t.api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', {
      token: await ssoToken(t.brand, { sub: 'cache-voter-0' }),
      variables: { id: question },
    });
    expect(await threadQueriesOf(list)).toBe(1);
    expect(await threadQueriesOf(list)).toBe(0);
  });

  it('is not expired by a write to another community', async () => {
    const other: TestCommunity = await createTestCommunity(t.server.em());
    await warm();
    await postThread(t.api, await ssoToken(other, { sub: 'elsewhere' }), { title: 'Elsewhere' });
    expect(await threadQueriesOf(list)).toBe(0);
  });

  it('is not expired by a returning visitor (their last visit is stamped without a commit)', async () => {
    const em = t.server.em();
    const long = new Date(Date.now() - 3_600_000);
    await em.nativeUpdate(Member, { externalId: 'cache-customer' }, { lastSeenAt: long }, ALL_COMMUNITIES);
    await warm();
    await t.api.data('{ viewer { kind } }', { token: customer });
    expect(await threadQueriesOf(list)).toBe(0);
    const member = await em.fork().findOneOrFail(Member, { externalId: 'cache-customer' }, ALL_COMMUNITIES);
    expect(member.lastSeenAt.getTime()).toBeGreaterThan(long.getTime());
  });

  it('shows votes, and the order they make, at once', async () => {
    await warm();
    for (const sub of ['cache-voter-1', 'cache-voter-2']) {
      await t.api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', {
        token: await ssoToken(t.brand, { sub }),
        variables: { id: idea },
      });
    }
    const rows = await list();
    expect(row(rows, idea)?.voteCount).toBe(2);
    expect(rows[0]?.id).toBe(idea);
  });

  it('shows a staff reply, the reply count and the new status at once', async () => {
    await warm();
    await staffClient.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      variables: { i: { threadId: question, body: 'Yes, on a lead.' } },
    });
    expect(row(await list(), question)).toMatchObject({ replyCount: 1, answeredByStaff: true });
    await staffClient.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: idea, status: 'PLANNED', note: 'Next spring.' } },
    });
    expect(row(await list(), idea)?.status).toBe('PLANNED');
  });

  it('drops a hidden thread for customers at once, while staff still see it', async () => {
    const spam = await postThread(t.api, customer, { title: 'Cheap watches here' });
    await warm();
    await warm({ staff: true });
    await staffClient.data('mutation ($id: ID!) { hideThread(threadId: $id, reason: "Advertising") { id } }', {
      variables: { id: spam },
    });
    expect(row(await list(), spam)).toBeUndefined();
    expect(row(await list({ staff: true }), spam)).toBeDefined();
    await staffClient.data('mutation ($id: ID!) { restoreThread(threadId: $id) { id } }', { variables: { id: spam } });
    expect(row(await list(), spam)).toBeDefined();
  });

  it('drops a thread its author deleted, and one merged into another, at once', async () => {
    const mistake = await postThread(t.api, customer, { title: 'Posted by mistake' });
    const duplicate = await postThread(t.api, customer, { title: 'Racks for bikes please' });
    await t.api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', {
      token: await ssoToken(t.brand, { sub: 'cache-voter-3' }),
      variables: { id: duplicate },
    });
    await warm();
    await t.api.data('mutation ($id: ID!) { deleteThread(threadId: $id) }', {
      token: customer,
      variables: { id: mistake },
    });
    expect(row(await list(), mistake)).toBeUndefined();
    await staffClient.data('mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { id } }', {
      variables: { a: duplicate, b: idea },
    });
    const rows = await list();
    expect(row(rows, duplicate)).toBeUndefined();
    expect(row(rows, idea)?.voteCount).toBe(3);
  });

  it("shows an author's new name, a staff member's new title and an ambassador badge at once", async () => {
    const staffThread = await postThread(staffClient, undefined, { title: 'Welcome to our community' });
    await warm();
    // A customer's name comes from the brand's sign-in: the next visit with a new name renames them.
    await t.api.data('{ viewer { kind } }', {
      token: await ssoToken(t.brand, { sub: 'cache-customer', name: 'Cora C.' }),
    });
    expect(row(await list(), idea)?.author?.displayName).toBe('Cora C.');
    await staffClient.data('mutation { updateMyProfile(input: { title: "Head of Stations" }) { id } }');
    expect(row(await list(), staffThread)?.author?.title).toBe('Head of Stations');
    const { viewer } = await t.api.data('{ viewer { member { id } } }', { token: customer });
    await staffClient.data('mutation ($id: ID!) { flagAmbassador(memberId: $id, reason: "Helps everyone") { id } }', {
      variables: { id: viewer.member.id },
    });
    expect(row(await list(), idea)?.author?.isAmbassador).toBe(true);
  });

  it('no longer names a member once they are erased (by a background job, outside any request)', async () => {
    const leaving = await ssoToken(t.brand, { sub: 'cache-leaving', name: 'Lena Leaving' });
    const theirs = await postThread(t.api, leaving, { title: 'Quiet carriages' });
    await t.api.data('mutation { requestAccountDeletion }', { token: leaving });
    await warm();
    expect(row(await list(), theirs)?.author?.displayName).toBe('Lena Leaving');
    await eraseDue(t.server.em(), new Date(Date.now() + 365 * 86_400_000));
    const after = row(await list(), theirs);
    expect(after?.author?.displayName ?? null).not.toBe('Lena Leaving');
  });

  it("shows the community's new name at once, and never finds a community that is not there", async () => {
    const NAME = 'query ($s: String!) { community(slug: $s) { name } }';
    await t.api.data(NAME, { variables: { s: t.brand.slug } });
    await t.api.data(NAME, { variables: { s: t.brand.slug } });
    await staffClient.data('mutation { updateCommunity(input: { name: "Night Rail" }) { name } }');
    expect((await t.api.data(NAME, { variables: { s: t.brand.slug } })).community.name).toBe('Night Rail');
    expect((await t.api.data(NAME, { variables: { s: 'no-such-brand' } })).community).toBeNull();
  });
});
