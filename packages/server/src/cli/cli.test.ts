import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { ssoToken } from '../testing/fixtures.ts';
import { GraphQLClient } from '../testing/graphql-client.ts';
import { redisPrefixFor } from '../testing/process.ts';
import { startRedisProcess } from '../testing/redis-process.ts';
import { startTestServer } from '../testing/server.ts';

const bin = fileURLToPath(new URL('../../bin/rapport.js', import.meta.url));
let database: TestDatabase;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

/** Runs `rapport <args>` as its own process on a database, as `pnpm rapport` does. */
function rapportOn(databaseUrl: string, ...args: string[]): Promise<Run> {
  return rapportWith({ databaseUrl }, ...args);
}

/** Runs `rapport <args>` with `stdin` as its input (closed at once when none), and more `env`. */
function rapportWith(
  { databaseUrl, stdin = '', env = {} }: { databaseUrl: string; stdin?: string; env?: Record<string, string> },
  ...args: string[]
) {
  return new Promise<Run>((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      // Other runs stay off the machine's Redis (CI's PostgreSQL run sets REDIS_URL).
      { env: { ...process.env, REDIS_URL: '', ...env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        let json: unknown;
        try {
          json = JSON.parse(code === 0 ? stdout : (stderr.split('\n')[0] ?? ''));
        } catch {}
        resolve({ code, stdout, stderr, json });
      },
    );
    child.stdin?.end(stdin);
  });
}

const rapport = (...args: string[]) => rapportOn(database.url, ...args);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe('rapport CLI', () => {
  it('migrates, creates a community and staff, printing JSON', async () => {
    const migrated = await rapport('migrate');
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toHaveProperty('applied');

    const community = await rapport(
      'community',
      'create',
      '--slug',
      'acme',
      '--name',
      'Acme',
      '--origin',
      'https://www.acme.example',
      '--origin',
      'http://localhost:8080',
    );
    expect(community.code).toBe(0);
    expect(Object.keys(community.json).sort()).toEqual(['id', 'slug', 'ssoKeyId', 'ssoSecret']);
    expect(community.json.slug).toBe('acme');

    // The password comes on stdin, never on the command line (where process listings show it).
    const withoutPassword = await rapport(
      'staff',
      'create',
      '--community',
      'acme',
      '--email',
      'ann@acme.example',
      '--name',
      'Ann Lee',
      '--role',
      'staff',
    );
    expect(withoutPassword.code).toBe(1);
    expect(withoutPassword.json.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(withoutPassword.json.error.message).toContain('--password-stdin');
    const staff = await rapportWith(
      { databaseUrl: database.url, stdin: 'a long password\n' },
      'staff',
      'create',
      '--community',
      'acme',
      '--email',
      'ann@acme.example',
      '--name',
      'Ann Lee',
      '--role',
      'agency',
      '--title',
      'Support',
      '--agency',
      'Northwind',
      '--password-stdin',
    );
    expect(staff.code).toBe(0);
    expect(Object.keys(staff.json)).toEqual(['id']);

    // What the CLI made works through the API: the SSO secret signs customers in, the staff signs in.
    const server = await startTestServer({ database });
    try {
      const client = new GraphQLClient(server.endpoint);
      const token = await ssoToken(community.json, { sub: 'cli-customer', name: 'From CLI' });
      expect((await client.data('{ viewer { community { slug } } }', { token })).viewer.community.slug).toBe('acme');
      const signIn = await client.data(
        'mutation { staffSignIn(community: "acme", email: "ann@acme.example", password: "a long password") { staff { name badge agencyName } } }',
      );
      expect(signIn.staffSignIn.staff).toEqual({ name: 'Ann Lee', badge: 'AGENCY', agencyName: 'Northwind' });
    } finally {
      await server.close();
    }
  });

  it.each([
    [['community', 'create', '--slug', 'x'], 2, 'USAGE', 'Missing required option --name'],
    [['community', 'create', '--slug', 'x', '--name', 'X', '--colour', 'red'], 2, 'USAGE', "Unknown option '--colour'"],
    [['frobnicate'], 2, 'USAGE', 'Unknown command'],
    [['community', 'create', '--slug', 'Not A Slug', '--name', 'X'], 1, 'BAD_USER_INPUT', 'slug must be'],
    [['community', 'create', '--slug', 'acme', '--name', 'Again'], 1, 'CONFLICT', 'already exists'],
    [
      ['community', 'create', '--slug', 'y', '--name', 'Y', '--origin', 'not a url'],
      1,
      'BAD_USER_INPUT',
      'not a valid origin',
    ],
    [
      [
        'staff',
        'create',
        '--community',
        'nope',
        '--email',
        'a@b.co',
        '--name',
        'A',
        '--role',
        'staff',
        '--password',
        '0123456789',
      ],
      1,
      'NOT_FOUND',
      'nope',
    ],
    [
      [
        'staff',
        'create',
        '--community',
        'acme',
        '--email',
        'a@b.co',
        '--name',
        'A',
        '--role',
        'boss',
        '--password',
        '0123456789',
      ],
      1,
      'BAD_USER_INPUT',
      'Role must be',
    ],
    [
      [
        'staff',
        'create',
        '--community',
        'acme',
        '--email',
        'a@b.co',
        '--name',
        'A',
        '--role',
        'staff',
        '--password',
        'short',
      ],
      1,
      'BAD_USER_INPUT',
      'at least 10',
    ],
  ])('refuses %j with exit code %i and a %s error', async (args, exitCode, code, message) => {
    const run = await rapport(...args);
    expect(run.code).toBe(exitCode);
    expect(run.stdout).toBe('');
    expect(run.json.error.code).toBe(code);
    expect(run.json.error.message).toContain(message);
  });

  it('retiring a key from the command line stops its tokens at once on servers that kept it', async () => {
    // A Redis of its own, so that this runs alike on both databases' runs.
    const redis = await startRedisProcess();
    try {
      const server = await startTestServer({ database, redisUrl: redis.url });
      // The command line with the server's Redis.
      const env = { REDIS_URL: redis.url, REDIS_PREFIX: redisPrefixFor(database.url) };
      const rapportHeard = (...args: string[]) => rapportWith({ databaseUrl: database.url, env }, ...args);
      try {
        const created = await rapport('community', 'create', '--slug', 'keys', '--name', 'Keys');
        const token = await ssoToken(created.json, { sub: 'soon-out', name: 'Soon Out' });
        // A second key, so that the first may be retired.
        const rotated = await rapportHeard('community', 'rotate-sso-secret', '--slug', 'keys');
        expect(rotated.code).toBe(0);
        const client = new GraphQLClient(server.endpoint);
        const viewer = '{ viewer { kind } }';
        // Asked twice: the server now keeps the key it checked the token with (3.75 s at the least).
        for (let i = 0; i < 2; i++) expect((await client.data(viewer, { token })).viewer.kind).toBe('CUSTOMER');
        const retired = await rapportHeard(
          'community',
          'retire-sso-key',
          '--slug',
          'keys',
          '--kid',
          created.json.ssoKeyId,
        );
        expect(retired.code).toBe(0);
        const refused = await client.request(viewer, { token });
        expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      } finally {
        await server.close();
      }
    } finally {
      await redis.kill();
    }
  });

  it('seeds the demo community', async () => {
    const run = await rapport('seed-demo');
    expect(run.code).toBe(0);
    expect(run.json.slug).toBe('demo');
    expect(run.json.staff).toHaveLength(3);
  });

  it("recomputes the demo community's ranking, with progress on stderr and the result on stdout", async () => {
    const run = await rapport('ranking', 'recompute', '--community', 'demo');
    expect(run.code).toBe(0);
    expect(run.json.activities).toBeGreaterThan(0);
    expect(run.json.members).toBeGreaterThan(0);
    expect(run.stderr).toContain('Recomputing the ranking: 100%');
    const missing = await rapport('ranking', 'recompute', '--community', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.json.error.code).toBe('NOT_FOUND');
  });

  it('exports a community to a file and imports it into another database, with progress on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-export-'));
    const other = await createTestDatabase();
    try {
      const file = join(dir, 'demo.json');
      const exported = await rapport('export', '--community', 'demo', '--out', file);
      expect(exported.code).toBe(0);
      expect(exported.json).toMatchObject({ file, slug: 'demo' });
      expect(exported.json.counts.Thread).toBe(5);
      expect(exported.stderr).toContain('Exporting demo: 100%');

      // An earlier export is never overwritten.
      const again = await rapport('export', '--community', 'demo', '--out', file);
      expect(again.code).toBe(1);
      expect(again.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'out' });

      const imported = await rapportOn(other.url, 'import', '--file', file);
      expect(imported.code).toBe(0);
      expect(imported.json).toMatchObject({ slug: 'demo', counts: exported.json.counts });
      expect(imported.stderr).toContain('Importing: 100%');
      expect(imported.stderr).toContain('Recomputing the ranking: 100%');

      const roundTrip = join(dir, 'again.json');
      expect((await rapportOn(other.url, 'export', '--community', 'demo', '--out', roundTrip)).code).toBe(0);
      expect(readFileSync(roundTrip, 'utf8')).toBe(readFileSync(file, 'utf8'));

      const twice = await rapportOn(other.url, 'import', '--file', file);
      expect(twice.code).toBe(1);
      expect(twice.json.error.code).toBe('CONFLICT');
      const missing = await rapport('import', '--file', join(dir, 'nope.json'));
      expect(missing.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await other.drop();
    }
  });
});
