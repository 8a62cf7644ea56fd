/**
 * What a busy, broken or hung PostgreSQL throws is answered SERVICE_UNAVAILABLE (503, Retry-After),
 * never "Unexpected error": the errors here are real ones, from pg and its pool against a cluster
 * of the test's own. A bug stays masked.
 */
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../testing/postgres-cluster.ts';
import { maskError } from './error-mask.ts';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 90_000);
afterAll(() => cluster?.destroy());

/** The error a promise rejects with. */
const failure = (work: Promise<unknown>) =>
  work.then(
    () => expect.fail('it should have failed'),
    (error: unknown) => error,
  );
const masked = (error: unknown) =>
  maskError(new GraphQLError('wrapped', { originalError: error as Error }), 'Unexpected error.') as GraphQLError;

const unavailable = {
  code: 'SERVICE_UNAVAILABLE',
  http: { status: 503, headers: { 'retry-after': '2' } },
};

it('an exhausted pool (no connection in time) is SERVICE_UNAVAILABLE', async () => {
  const pool = new pg.Pool({ connectionString: cluster.url, max: 1, connectionTimeoutMillis: 200 });
  const held = await pool.connect();
  try {
    const error = await failure(pool.query('select 1'));
    expect(String((error as Error).message)).toMatch(/timeout exceeded when trying to connect/);
    expect(masked(error).extensions).toMatchObject(unavailable);
  } finally {
    held.release();
    await pool.end();
  }
});

it('a connection cut by the server, and a query a hung server never answers, are SERVICE_UNAVAILABLE', async () => {
  const victim = new pg.Client({ connectionString: cluster.url });
  const admin = new pg.Client({ connectionString: cluster.url });
  victim.on('error', () => {});
  await victim.connect();
  await admin.connect();
  const cut = failure(victim.query('select pg_sleep(10)'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where query like 'select pg_sleep%'");
  expect(masked(await cut).extensions).toMatchObject(unavailable);
  await admin.end();

  const slow = new pg.Client({ connectionString: cluster.url, query_timeout: 300 });
  slow.on('error', () => {});
  await slow.connect();
  cluster.hang();
  try {
    const error = await failure(slow.query('select 1'));
    expect(String((error as Error).message)).toMatch(/Query read timeout/);
    expect(masked(error).extensions).toMatchObject(unavailable);
  } finally {
    cluster.resume();
    await slow.end().catch(() => {});
  }

  const cancelled = new pg.Client({ connectionString: cluster.url, statement_timeout: 100 });
  await cancelled.connect();
  const error = await failure(cancelled.query('select pg_sleep(2)'));
  expect((error as { code?: string }).code).toBe('57014');
  expect(masked(error).extensions).toMatchObject(unavailable);
  await cancelled.end();
});

it('a bug is still masked', () => {
  const bug = masked(new TypeError("Cannot read properties of undefined (reading 'x')"));
  expect(bug.message).toBe('Unexpected error.');
  expect(bug.extensions?.code).not.toBe('SERVICE_UNAVAILABLE');
});
