/**
 * Whole answers to a thread's page are kept per viewer until the community changes, like the
 * list's (http/response-cache.ts): a repeat executes no field; every write a page shows is seen on
 * the next request; and what changes with the clock alone (the viewer's edit window) is not kept
 * past it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Reply } from '../entities/index.ts';
import { schema } from '../schema/index.ts';
import { EDIT_WINDOW_MS } from '../services/ownership.ts';
import { ALL_COMMUNITIES, guestToken, postThread, rawId } from '../testing/fixtures.ts';
import { readAnswer } from '../testing/multipart.ts';
import { spyOnResolvers } from '../testing/resolver-spy.ts';
import { startTestBrand, type TestBrand } from '../testing/server.ts';

const spy = spyOnResolvers(schema);

/** As the widget asks for a thread's page: replies streamed, the viewer's own fields deferred. */
const PAGE = `query ($s: String!, $id: ID!, $signedIn: Boolean!) { community(slug: $s) { id name thread(id: $id) {
  id title body bodyFormatted voteCount replyCount followerCount isLocked editedAt
  author { __typename displayName ... on Member { isAmbassador } }
  lastStatusChange { to noteFormatted createdAt staff { displayName } changelogEntry { id title } }
  replies(first: 100) {
    edges @stream(initialCount: 1) { cursor node { id body bodyFormatted viewerCanEdit viewerIsAuthor isHelpful
      author { __typename displayName ... on StaffMember { title } } } }
    pageInfo { hasNextPage endCursor }
  }
  ... @defer(if: $signedIn) { viewerHasVoted viewerIsFollowing viewerCanEdit viewerIsAuthor viewerRemoval }
} } }`;

let t: TestBrand;
let poster: string;
let guest: string;
let thread: string;

beforeAll(async () => {
  t = await startTestBrand({ backgroundJobs: false });
  poster = await guestToken(t.api, t.brand.slug, 'Pia Poster');
  guest = await guestToken(t.api, t.brand.slug, 'Gus Guest');
  thread = await postThread(t.api, poster, { title: 'Dark mode', body: 'Please add *dark* mode.' });
  await reply(guest, 'Yes please.');
});
afterAll(() => t?.server.close());

async function reply(token: string, body: string): Promise<string> {
  const data = await t.api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token,
    variables: { i: { threadId: thread, body } },
  });
  return data.reply.id;
}

/** The page as `token` (or a visitor not signed in) sees it; `executed` counts its fields. */
async function page(token?: string) {
  spy.reset();
  const response = await t.api.raw(
    PAGE,
    { token, variables: { s: t.brand.slug, id: thread, signedIn: Boolean(token) } },
    'multipart/mixed, application/graphql-response+json, application/json',
  );
  const { result } = await readAnswer(response);
  expect(result.errors).toBeUndefined();
  const executed = [...spy.calls.values()].reduce((a, b) => a + b, 0);
  return { page: (result.data as any).community.thread, executed };
}

/** The page once kept: a change a commit announced may land just after a first read (Redis). */
async function keptPage(token?: string) {
  let read = await page(token);
  for (let round = 0; read.executed > 0 && round < 5; round++) read = await page(token);
  expect(read.executed).toBe(0);
  return read.page;
}
const bodies = (p: any) => p.replies.edges.map((e: any) => e.node.body);

it('answers a repeat of a thread’s page without executing a field, for a visitor signed in or not', async () => {
  const first = await page();
  expect(first.executed).toBeGreaterThan(0);
  expect(await keptPage()).toEqual(first.page);
  const mine = await page(poster);
  expect(mine.page.viewerIsAuthor).toBe(true);
  expect(await keptPage(poster)).toEqual(mine.page);
});

it('shows a new reply, an edit and a staff status change on the next request', async () => {
  await keptPage();
  const id = await reply(guest, 'Me too.');
  expect(bodies((await page()).page)).toEqual(['Yes please.', 'Me too.']);
  await keptPage();
  await t.api.data('mutation ($i: EditReplyInput!) { editReply(input: $i) { id } }', {
    token: guest,
    variables: { i: { replyId: id, body: 'Me too, at night.' } },
  });
  expect(bodies((await page()).page)).toEqual(['Yes please.', 'Me too, at night.']);
  await keptPage();
  await t.manager.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { to } }', {
    variables: { i: { threadId: thread, status: 'PLANNED', note: 'On the roadmap.' } },
  });
  const after = (await page()).page;
  expect(after.lastStatusChange.to).toBe('PLANNED');
  expect(JSON.stringify(after.lastStatusChange.noteFormatted)).toContain('On the roadmap.');
});

it('keeps each viewer’s page apart: a reply is editable for its author only', async () => {
  const id = await reply(poster, 'Also in the app, please.');
  const editable = async (token?: string) =>
    (await keptPage(token)).replies.edges.find((e: any) => e.node.id === id).node.viewerCanEdit;
  expect(await editable(poster)).toBe(true);
  expect(await editable(guest)).toBe(false);
  expect(await editable()).toBe(false);
  expect(await editable(poster)).toBe(true);
});

it('makes a kept page again when the viewer’s edit window closes, with no change in the community', async () => {
  const id = await reply(poster, 'Closing soon.');
  // Posted long enough ago that its window closes in a second and a half: within the time a kept
  // answer is otherwise trusted (core/shared-cache.ts), so only the window can expire it.
  const closes = Date.now() + 1500;
  await t.server
    .em()
    .nativeUpdate(Reply, { id: rawId(id) }, { createdAt: new Date(closes - EDIT_WINDOW_MS) }, ALL_COMMUNITIES);
  const editable = (p: any) => p.replies.edges.find((e: any) => e.node.id === id).node.viewerCanEdit;
  expect(editable(await keptPage(poster))).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, closes - Date.now()) + 50));
  const after = await page(poster);
  expect(after.executed).toBeGreaterThan(0);
  expect(editable(after.page)).toBe(false);
});
