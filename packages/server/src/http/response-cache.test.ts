/**
 * Whole answers to the widget's list are kept per viewer until the community changes
 * (http/response-cache.ts): a repeat is answered without executing a field, and each of these
 * cases gets an answer executed afresh, or kept apart, where a shared one would be wrong.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { schema } from '../schema/index.ts';
import { guestToken, postThread, ssoToken } from '../testing/fixtures.ts';
import { readAnswer } from '../testing/multipart.ts';
import { spyOnResolvers } from '../testing/resolver-spy.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

const spy = spyOnResolvers(schema);

const LIST = `query ($s: String!, $order: ThreadOrder, $first: Int) { community(slug: $s) { name threads(first: $first, orderBy: $order) {
  edges { node { id title voteCount viewerHasVoted author { displayName } } }
} } }`;

let t: TestBrand;
let poster: string;
let idea: string;

beforeAll(async () => {
  t = await startTestBrand({ backgroundJobs: false });
  poster = await guestToken(t.api, t.brand.slug, 'Pia Poster');
  idea = await postThread(t.api, poster, { title: 'Dark mode' });
  await postThread(t.api, poster, { title: 'Offline maps' });
});
afterAll(() => t?.server.close());

/** The list as `token` (or an anonymous visitor, or the signed-in manager) sees it; `executed` counts its fields. */
async function list(who: { token?: string; staff?: boolean } = {}, variables: Record<string, unknown> = {}) {
  spy.reset();
  const client = who.staff ? t.manager : t.api;
  const data = await client.data(LIST, { token: who.token, variables: { s: t.brand.slug, first: 20, ...variables } });
  const rows = data.community.threads.edges.map((e: any) => e.node);
  return { rows, executed: [...spy.calls.values()].reduce((a, b) => a + b, 0) };
}
const votes = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.title, r.voteCount]));
const voted = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.title, r.viewerHasVoted]));

it('answers a repeat of the same list for a visitor not signed in without executing a field', async () => {
  const first = await list();
  expect(first.executed).toBeGreaterThan(0);
  const repeat = await list();
  expect(repeat.executed).toBe(0);
  expect(repeat.rows).toEqual(first.rows);
});

it('answers a repeat without making an entity manager, for a visitor signed in or not', async () => {
  const visitor = await guestToken(t.api, t.brand.slug, 'Rita Repeat');
  // A customer signed in by the brand, whose token changes nothing the second time.
  const customer = await ssoToken(t.brand, { sub: 'repeat-customer', name: 'Rhea Repeat' });
  // Every manager a request makes is a fork of the ORM's own (schema/context.ts forks on demand).
  const fork = vi.spyOn(Object.getPrototypeOf(t.server.app.orm.em), 'fork');
  try {
    /** A visitor's repeat, a signed-in guest's and a customer's: fields executed and managers made. */
    const repeat = async () => {
      fork.mockClear();
      let executed = 0;
      for (const token of [undefined, visitor, customer]) executed += (await list({ token })).executed;
      return { executed, forks: fork.mock.calls.length };
    };
    await list();
    await list({ token: visitor });
    await list({ token: customer });
    // The new guest's commit reaches the caches on its own time (through Redis on PostgreSQL) and
    // may expire what the first requests kept: a few rounds until both come from the caches.
    let r = await repeat();
    for (let round = 0; (r.forks > 0 || r.executed > 0) && round < 5; round++) r = await repeat();
    expect(r).toEqual({ executed: 0, forks: 0 });
  } finally {
    fork.mockRestore();
  }
});

it('serialises a kept answer once, not for every request that gets it', async () => {
  await list({}, { first: 2 });
  const stringify = vi.spyOn(JSON, 'stringify');
  try {
    const repeat = await list({}, { first: 2 });
    expect(repeat.rows).toHaveLength(2);
    const serialisedPages = stringify.mock.calls.filter(([value]) => (value as any)?.data?.community);
    expect(serialisedPages).toEqual([]);
  } finally {
    stringify.mockRestore();
  }
});

it('keeps other variables apart: another order or page size is executed', async () => {
  await list();
  expect((await list({}, { order: 'NEW' })).executed).toBeGreaterThan(0);
  expect((await list({}, { first: 1 })).rows).toHaveLength(1);
});

it('shows a vote on the next request to everyone, and the voter their own vote', async () => {
  const voter = await guestToken(t.api, t.brand.slug, 'Vic Voter');
  await list();
  await list({ token: voter });
  expect((await list({ token: voter })).executed).toBe(0);
  await t.api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token: voter, variables: { id: idea } });
  const mine = await list({ token: voter });
  expect(mine.executed).toBeGreaterThan(0);
  expect(voted(mine.rows)).toEqual({ 'Dark mode': true, 'Offline maps': false });
  const anyone = await list();
  expect(votes(anyone.rows)['Dark mode']).toBe(1);
  expect(voted(anyone.rows)['Dark mode']).toBe(false);
  // Someone else signed in, with the same list cached for the voter: their own answer.
  const other = await list({ token: poster });
  expect(voted(other.rows)['Dark mode']).toBe(false);
  expect(voted((await list({ token: voter })).rows)['Dark mode']).toBe(true);
});

it('never keeps a staff member’s answer (staff see hidden threads)', async () => {
  await list({ staff: true });
  expect((await list({ staff: true })).executed).toBeGreaterThan(0);
});

it('executes a list that selects anything outside the cacheable fields every time', async () => {
  const withActivity = `query ($s: String!) { community(slug: $s) { threads(first: 5) { edges { node { id lastActivityAt } } } } }`;
  await t.api.data(withActivity, { variables: { s: t.brand.slug } });
  spy.reset();
  await t.api.data(withActivity, { variables: { s: t.brand.slug } });
  expect(spy.calls.get('Community.threads')).toBe(1);
});

it('does not keep an answer with errors', async () => {
  for (let i = 0; i < 2; i++) {
    spy.reset();
    const result = await t.api.request(LIST, { variables: { s: t.brand.slug, first: 5000 } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(spy.calls.get('Community.threads')).toBe(1);
  }
});

it('keeps the widget’s deferred votes merged into the answer once they are at hand', async () => {
  const deferred = `query ($s: String!) { community(slug: $s) { threads(first: 20) { edges { node {
    title ... @defer { viewerHasVoted } } } } } }`;
  const guest = await guestToken(t.api, t.brand.slug, 'Nia New');
  const ask = () =>
    t.api.raw(deferred, { token: guest, variables: { s: t.brand.slug } }, 'multipart/mixed, application/json');
  // A new guest's votes are not cached yet: they may come as a later part (an answer that is not
  // kept), or with the rows when their query returns no later than the rows' own.
  await readAnswer(await ask());
  await readAnswer(await ask());
  spy.reset();
  const repeat = await readAnswer(await ask());
  expect(repeat.parts).toHaveLength(1);
  expect(spy.calls.size).toBe(0);
  expect((repeat.result.data as any).community.threads.edges.map((e: any) => e.node.viewerHasVoted)).toEqual([
    false,
    false,
  ]);
});
