/**
 * The widget's main query, exactly as the widget sends it (its document and urql's Accept header):
 * a signed-in visitor's own votes are deferred, and arrive in one response with the list once they
 * are cached on the server (the server answers inline what is ready with the first part; whether
 * they come later while they still wait on the database is up to timing, and is tested with a
 * schema of its own in packages/server/src/http/deferred-answers.test.ts).
 */

import { createTestCommunity, guestToken, postThread } from '@rapport/server/testing/fixtures.ts';
import { readAnswer } from '@rapport/server/testing/multipart.ts';
import { spyOnServerResolvers } from '@rapport/server/testing/resolver-spy.ts';
import { startTestServer, type TestServer } from '@rapport/server/testing/server.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { THREAD_LIST } from '../../packages/widget/src/graphql/documents.ts';

// What urql's fetch exchange asks for.
const URQL_ACCEPT =
  'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';

const spy = await spyOnServerResolvers();
let server: TestServer;
let slug: string;
let token: string;
let voted: string;

beforeAll(async () => {
  server = await startTestServer();
  slug = (await createTestCommunity(server.em())).slug;
  token = await guestToken(server.client(), slug, 'Wendy Widget');
  voted = await postThread(server.client(), token, { title: 'Voted for' });
  await postThread(server.client(), token, { title: 'Not voted for' });
  await server.client().data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token, variables: { id: voted } });
});
afterAll(() => server?.close());

async function widgetList() {
  const response = await server
    .client()
    .raw(
      String(THREAD_LIST),
      { token, variables: { community: slug, first: 20, orderBy: 'NEW', signedIn: true } },
      URQL_ACCEPT,
    );
  expect(response.status).toBe(200);
  const { parts, result } = await readAnswer(response);
  expect(result.errors).toBeUndefined();
  const nodes = (result.data as any).community.threads.edges.map((e: any) => e.node);
  const votes = Object.fromEntries(nodes.map((n: any) => [n.title, n.viewerHasVoted]));
  return { parts, type: response.headers.get('content-type'), votes };
}

it('answers a signed-in visitor’s list and own votes in one response once the votes are cached', async () => {
  const first = await widgetList();
  expect(first.votes).toEqual({ 'Voted for': true, 'Not voted for': false });
  const repeat = await widgetList();
  expect(repeat.type).toContain('application/graphql-response+json');
  expect(repeat.parts).toHaveLength(1);
  expect(repeat.votes).toEqual({ 'Voted for': true, 'Not voted for': false });
});

it('shows an unvote on the next request, in one response', async () => {
  await server
    .client()
    .data('mutation ($id: ID!) { unvote(threadId: $id) { id } }', { token, variables: { id: voted } });
  expect((await widgetList()).votes).toEqual({ 'Voted for': false, 'Not voted for': false });
  const repeat = await widgetList();
  expect(repeat.type).toContain('application/graphql-response+json');
  expect(repeat.votes).toEqual({ 'Voted for': false, 'Not voted for': false });
});

it('keeps the whole answer to its list: a repeat for a visitor not signed in executes no field', async () => {
  const anonymous = async () => {
    spy.reset();
    const response = await server
      .client()
      .raw(
        String(THREAD_LIST),
        { variables: { community: slug, first: 20, orderBy: 'NEW', signedIn: false } },
        URQL_ACCEPT,
      );
    const { result } = await readAnswer(response);
    expect((result.data as any).community.threads.edges).toHaveLength(2);
    return [...spy.calls.values()].reduce((a, b) => a + b, 0);
  };
  expect(await anonymous()).toBeGreaterThan(0);
  // Every field the widget's list asks for is one the response cache may keep (a new field left
  // out of its list made every visit execute in full).
  expect(await anonymous()).toBe(0);
});
