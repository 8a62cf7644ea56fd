/**
 * The GraphQL-over-HTTP spec audit (graphql-http's server audits) against the real server: no
 * failures. Warnings and notices are the spec's SHOULDs; they are listed, not failed.
 */
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

it('passes every MUST of the GraphQL-over-HTTP audit', async () => {
  // Our clients send the CSRF header with any request a browser would call "simple" (a GET, say);
  // a spec client must too, so the audit's requests carry it.
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) =>
    fetch(input, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init.headers)), 'x-graphql-yoga-csrf': '1' },
    });
  const results = await auditServer({ url: server.endpoint, fetchFn });
  const errors = results
    .filter((r) => r.status === 'error')
    .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
  const advice = results
    .filter((r) => r.status === 'warn' || r.status === 'notice')
    .map((r) => `${r.status}: ${r.name}`);
  if (advice.length) console.log(`GraphQL-over-HTTP audit, ${advice.length} SHOULD/MAY not met:\n${advice.join('\n')}`);
  expect(results.length).toBeGreaterThan(20);
  expect(errors).toEqual([]);
});

it('tells every cache not to keep an answer: each is for one viewer', async () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  for (const response of [
    await post({ query: '{ viewer { kind } }' }),
    await post({ query: '{ nope }' }),
    await post({ query: '{ viewer { kind } }' }, { authorization: 'Bearer rg_not-a-token' }),
  ]) {
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  }
});
