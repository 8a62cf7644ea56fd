import { afterEach, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';
import { GraphQLClient } from './testing/graphql-client.ts';
import { type ServerProcess, startServerProcess } from './testing/process.ts';

// The demo community is for `pnpm start` on a developer's machine: its owner's password is in the
// README. A production server must never hand it out.

const databases: TestDatabase[] = [];
const servers: ServerProcess[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) server.child.kill('SIGKILL');
  for (const database of databases.splice(0)) await database.drop();
});

async function start(env: Record<string, string>, database?: TestDatabase) {
  const db = database ?? (await createTestDatabase());
  if (!database) databases.push(db);
  const server = await startServerProcess({ DATABASE_URL: db.url, ...env });
  servers.push(server);
  return { server, database: db, client: new GraphQLClient(`${server.url}/graphql`) };
}

const signIn = (client: GraphQLClient, email: string, password: string) =>
  client.request(
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
    { variables: { c: 'demo', e: email, p: password } },
  );

it('seeds the demo by default only outside production, and SEED_DEMO must be true or false', () => {
  expect(loadConfig({}).seedDemo).toBe(true);
  expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(true);
  expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
  expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  expect(() => loadConfig({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO must be "true" or "false"/);
});

it('a production server on an empty database seeds no demo and prints no password', async () => {
  const { server, client } = await start({ NODE_ENV: 'production' });
  expect(server.output()).not.toContain('Seeded');
  expect(server.output()).not.toContain('demo-password');
  expect((await client.data('{ community(slug: "demo") { name } }')).community).toBeNull();
});

it('a production server asked to seed the demo gives each account its own random password, printed once', async () => {
  const { server, client, database } = await start({ NODE_ENV: 'production', SEED_DEMO: 'true' });
  const output = server.output();
  expect(output).toContain('Seeded the "demo" community');
  expect(output).not.toContain('demo-password');
  const accounts = [...output.matchAll(/([\w.]+@[\w.]+) \/ ([\w-]{20})/g)].map(([, email, password]) => ({
    email: email as string,
    password: password as string,
  }));
  expect(accounts.map((a) => a.email)).toContain('dana@acme.example');
  expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
  const owner = accounts.find((a) => a.email === 'dana@acme.example');
  expect((await signIn(client, 'dana@acme.example', 'demo-password')).errors?.[0]?.extensions?.code).toBe(
    'UNAUTHENTICATED',
  );
  expect((await signIn(client, 'dana@acme.example', owner?.password ?? '')).data?.staffSignIn.kind).toBe('STAFF');
  // Random passwords belong to that one start: a restart neither seeds again nor warns of the published one.
  await server.stop();
  const again = await start({ NODE_ENV: 'production' }, database);
  expect(again.server.output()).not.toContain('Seeded');
  expect(again.server.output()).toMatch(/WARNING: The "demo" demo community is present on this production server/);
  expect(again.server.output()).not.toContain('published demo password');
});

it('a production start over a database seeded on a developer machine warns loudly of the published password', async () => {
  const dev = await start({ NODE_ENV: 'test' });
  expect(dev.server.output()).toContain('password "demo-password"');
  expect(dev.server.output()).not.toContain('WARNING');
  await dev.server.stop();
  const production = await start({ NODE_ENV: 'production' }, dev.database);
  expect(production.server.output()).toMatch(
    /WARNING: Staff of the "demo" community still sign in with the published demo password: dana@acme\.example/,
  );
});
