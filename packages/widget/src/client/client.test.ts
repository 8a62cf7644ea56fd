/**
 * The widget's own GraphQL client, in Chromium against the real server: documents sent as text
 * with each fragment once, answers read as JSON or as events (in parts, merged), a refused token
 * forgotten, and transient failures tried again only where that is harmless.
 */
import { holdRequests, restoreFetch } from '@rapport/shared/testing/network.ts';
import { expect } from 'chai';
import { newCommunity, server } from '../testing/harness.ts';
import { readAnswer, withPart } from './answers.ts';
import { createClient } from './client.ts';
import { gql } from './gql.ts';
import { Session } from './session.ts';

const AUTHOR = gql`fragment A on Author { displayName }`;
const REPLY = gql`fragment R on Reply { body author { ...A } } ${AUTHOR}`;
const STATUS = gql`fragment S on StatusChange { to staff { ...A } } ${AUTHOR}`;
const THREAD = gql<
  { community: { thread: { title: string } | null } | null },
  { c: string; id: string }
>`query T($c: String!, $id: ID!) { community(slug: $c) { thread(id: $id) { title replies(first: 5) { edges { node { ...R } } } lastStatusChange { ...S } } } } ${REPLY} ${STATUS}`;
const VOTE = gql<
  { vote: { voteCount: number } },
  { id: string }
>`mutation V($id: ID!) { vote(threadId: $id) { voteCount } }`;

/** An SSE body delivered in the chunks given, as a network may split it. */
const streamed = (...chunks: string[]) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );

describe('the widget’s GraphQL client', () => {
  afterEach(() => {
    restoreFetch();
    localStorage.clear();
  });

  it('sends a fragment two others use once, after the operation', () => {
    const text = String(THREAD);
    expect(text.match(/fragment A on Author/g)).to.have.length(1);
    expect(text.startsWith('query T(')).to.equal(true);
  });

  it('reads events split anywhere, and stops at the end of the stream', async () => {
    const parts: unknown[] = [];
    await readAnswer(
      streamed(
        ':\n\nevent: next\ndata: {"data":{"n":1}',
        '}\n\nevent: ne',
        'xt\ndata: {"data":{"n":2}}\n\nevent: complete\ndata:\n\n',
        'event: next\ndata: {"data":{"n":3}}\n\n',
      ),
      (part) => parts.push(part),
    );
    expect(parts).to.deep.equal([{ data: { n: 1 } }, { data: { n: 2 } }]);
  });

  it('merges a deferred part where it belongs, keeping what came before', () => {
    const first = withPart({ errors: [] }, { data: { list: [{ id: 'a' }, { id: 'b' }] }, hasNext: true });
    const merged = withPart(first, {
      incremental: [{ path: ['list', 1], data: { voted: true }, errors: [{ message: 'late' }] }],
      hasNext: false,
    });
    expect(merged.data).to.deep.equal({ list: [{ id: 'a' }, { id: 'b', voted: true }] });
    expect(merged.errors).to.deep.equal([{ message: 'late' }]);
    // The first result is left as it was (a component may still hold it).
    expect(first.data).to.deep.equal({ list: [{ id: 'a' }, { id: 'b' }] });
  });

  it('appends streamed items, merges nested fields, and keeps the data when the last part adds none', () => {
    const first = withPart(
      { errors: [] },
      { data: { t: { edges: [{ n: 1 }], author: { name: 'A' } } }, hasNext: true },
    );
    const streamed = withPart(first, {
      incremental: [{ path: ['t', 'edges', 1], items: [{ n: 2 }, { n: 3 }] }],
      hasNext: true,
    });
    const deferred = withPart(streamed, {
      incremental: [{ path: ['t'], data: { author: { badge: 'TEAM' } } }],
      hasNext: true,
    });
    const last = withPart(deferred, { hasNext: false });
    expect(last.data).to.deep.equal({
      t: { edges: [{ n: 1 }, { n: 2 }, { n: 3 }], author: { name: 'A', badge: 'TEAM' } },
    });
  });

  it("ends a customer's refused sign-in once, keeping their guest token, however many requests were refused", async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Twice refused', as: 'Alma' });
    const other = await server<string>('post', { slug: c.slug, title: 'Also refused', as: 'Alma' });
    const guest = await server<string>('guest-token', { slug: c.slug, name: 'Gus' });
    localStorage.setItem(`rapport:guest:${c.slug}`, guest);
    const session = new Session(c.slug);
    session.setSso('an expired or forged sign-in');
    const changes: string[] = [];
    session.addEventListener('change', (e) => changes.push((e as CustomEvent<string>).detail));
    const client = createClient(c.endpoint, session, c.slug);
    // Two different reads: each is refused and sent again without the token.
    const [a, b] = await Promise.all([
      client.query(THREAD, { c: c.slug, id }),
      client.query(THREAD, { c: c.slug, id: other }),
    ]);
    expect(a.data?.community?.thread?.title).to.equal('Twice refused');
    expect(b.data?.community?.thread?.title).to.equal('Also refused');
    expect(changes).to.deep.equal(['ended']);
    expect(session.guestToken).to.equal(guest);
  });

  it('gives a query sent ahead to the first same query asked, parts included, never across a mutation', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Asked ahead', as: 'Alma' });
    localStorage.setItem(`rapport:guest:${c.slug}`, await server<string>('guest-token', { slug: c.slug, name: 'Bo' }));
    const client = createClient(c.endpoint, new Session(c.slug), c.slug);
    // Answered once first: only the requests this test makes are counted.
    await client.query(THREAD, { c: c.slug, id });
    const real = window.fetch;
    const sent: string[] = [];
    window.fetch = (input, init) => {
      sent.push(String(init?.body).startsWith('{"query":"query T') ? 'query' : 'vote');
      return real(input, init);
    };
    const parts: unknown[] = [];
    client.prefetch(THREAD, { c: c.slug, id });
    const taken = await client.query(THREAD, { c: c.slug, id }, (part) =>
      parts.push(part.data?.community?.thread?.title),
    );
    expect(sent).to.deep.equal(['query']);
    expect(taken.data?.community?.thread?.title).to.equal('Asked ahead');
    expect(parts).to.deep.equal(['Asked ahead']);

    // Only the query sent ahead is shared: the same read asked twice is sent twice.
    sent.length = 0;
    await Promise.all([client.query(THREAD, { c: c.slug, id }), client.query(THREAD, { c: c.slug, id })]);
    expect(sent).to.deep.equal(['query', 'query']);

    // A read sent ahead, still on its way when a vote is cast, is not given to a read after it.
    sent.length = 0;
    const hold = holdRequests('query T(', 'answer');
    client.prefetch(THREAD, { c: c.slug, id });
    await client.mutation(VOTE, { id });
    const after = client.query(THREAD, { c: c.slug, id });
    hold.release();
    await after;
    expect(sent).to.deep.equal(['query', 'vote', 'query']);
  });

  it('answers a query with the fragments it uses, and forgets a token the server refuses', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Kept dry', as: 'Alma' });
    localStorage.setItem(`rapport:guest:${c.slug}`, 'a token this server never issued');
    const session = new Session(c.slug);
    const client = createClient(c.endpoint, session, c.slug);
    const read = await client.query(THREAD, { c: c.slug, id });
    expect(read.error).to.equal(undefined);
    expect(read.data?.community?.thread?.title).to.equal('Kept dry');
    expect(session.token).to.equal(null);
    // A mutation's refusal is passed on: without a session it may not vote.
    const vote = await client.mutation(VOTE, { id });
    expect(vote.error?.graphQLErrors[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
  });

  it('tries a query again after a network error, but not a mutation without an idempotency key', async () => {
    const c = await newCommunity();
    const id = await server<string>('post', { slug: c.slug, title: 'Flaky', as: 'Alma' });
    localStorage.setItem(`rapport:guest:${c.slug}`, await server<string>('guest-token', { slug: c.slug, name: 'Bo' }));
    const client = createClient(c.endpoint, new Session(c.slug), c.slug);
    // Answered once first: only the failures this test makes are counted.
    expect((await client.query(THREAD, { c: c.slug, id })).data?.community?.thread?.title).to.equal('Flaky');
    const real = window.fetch;
    let failures = 0;
    let calls = 0;
    window.fetch = (input, init) => {
      calls++;
      if (failures > 0) {
        failures--;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return real(input, init);
    };
    failures = 1;
    const read = await client.query(THREAD, { c: c.slug, id });
    expect(read.data?.community?.thread?.title).to.equal('Flaky');
    expect(calls).to.equal(2);
    failures = 1;
    calls = 0;
    const vote = await client.mutation(VOTE, { id });
    expect(vote.error?.networkError).to.be.instanceOf(TypeError);
    expect(calls).to.equal(1);
  });
});
