/**
 * PostgreSQL going away: /readyz fails, queries and mutations answer SERVICE_UNAVAILABLE promptly
 * (no request hangs, the process does not crash), nothing is half-written, and the server recovers
 * by itself when the database is back. The database is a private cluster the test makes with
 * initdb, so the machine's shared server is untouched; it runs in both CI runs for that reason.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guestToken } from '../testing/fixtures.ts';
import { GraphQLClient } from '../testing/graphql-client.ts';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { type ServerProcess, startServerProcess } from '../testing/process.ts';
import { within } from '../testing/service-process.ts';

let cluster: PostgresCluster;
let server: ServerProcess;
let client: GraphQLClient;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  server = await startServerProcess({ DATABASE_URL: cluster.url, NODE_ENV: 'test', RATE_LIMIT_MULTIPLIER: '1000' });
  client = new GraphQLClient(`${server.url}/graphql`);
}, 90_000);
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await cluster?.destroy();
});

const THREADS = '{ community(slug: "demo") { threads(first: 50) { edges { node { title } } } } }';
const POST = 'mutation ($t: String!) { postThread(input: { kind: IDEA, title: $t }) { id } }';
const readyz = async () => (await fetch(`${server.url}/readyz`)).status;
const titles = async () =>
  (await client.data(THREADS)).community.threads.edges.map((e: { node: { title: string } }) => e.node.title);

it('fails fast and clearly while the database is down, and recovers by itself', async () => {
  const token = await guestToken(client, 'demo', 'Dora Downtime');
  expect(await readyz()).toBe(200);
  await client.data(POST, { token, variables: { t: 'Posted before the outage' } });

  await cluster.stop();

  expect(await within(5000, readyz())).toBe(503);
  const read = await within(10_000, client.request(THREADS));
  expect(read.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(read.errors?.[0]?.message).toMatch(/briefly unavailable/);
  const write = await within(10_000, client.request(POST, { token, variables: { t: 'Posted during the outage' } }));
  expect(write.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  // Still the same process, still answering.
  expect(server.child.exitCode).toBeNull();
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

  await cluster.start();

  await expect.poll(readyz, { timeout: 20_000, interval: 250 }).toBe(200);
  await client.data(POST, { token, variables: { t: 'Posted after the outage' } });
  const after = await titles();
  expect(after).toContain('Posted before the outage');
  expect(after).toContain('Posted after the outage');
  expect(after).not.toContain('Posted during the outage');
  expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
}, 120_000);

it('answers SERVICE_UNAVAILABLE, with a status and Retry-After, while the database hangs, and recovers', async () => {
  const hung = await startServerProcess({
    DATABASE_URL: cluster.url,
    NODE_ENV: 'test',
    RATE_LIMIT_MULTIPLIER: '1000',
    SEED_DEMO: 'false',
    DATABASE_QUERY_TIMEOUT_MS: '1500',
  });
  try {
    const api = new GraphQLClient(`${hung.url}/graphql`);
    const token = await guestToken(api, 'demo', 'Hana Hang');
    expect((await api.request(THREADS)).errors).toBeUndefined();
    cluster.hang();
    try {
      const started = Date.now();
      const response = await within(
        10_000,
        fetch(`${hung.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: POST, variables: { t: 'Posted while the database hangs' } }),
        }),
      );
      expect(Date.now() - started).toBeLessThan(9000);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      // (A read the cache can answer still is; a vote cannot be.)
      const thread = (await api.data(THREADS.replace('title', 'id title'))).community.threads.edges[0].node.id;
      const vote = await within(
        10_000,
        api.request('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token, variables: { id: thread } }),
      );
      expect(vote.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(await within(5000, (async () => (await fetch(`${hung.url}/readyz`)).status)())).toBe(503);
    } finally {
      cluster.resume();
    }
    await expect.poll(async () => (await fetch(`${hung.url}/readyz`)).status, { timeout: 20_000 }).toBe(200);
    await expect.poll(async () => (await api.request(THREADS)).errors, { timeout: 20_000 }).toBeUndefined();
    expect(hung.output()).not.toMatch(/Unhandled|uncaught/i);
  } finally {
    hung.child.kill('SIGKILL');
  }
}, 120_000);
