import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';
import { guestToken } from './testing/fixtures.ts';
import { GraphQLClient } from './testing/graphql-client.ts';
import { nameAndValue, startScript, startServerProcess } from './testing/process.ts';
import { subscribe } from './testing/sse.ts';

let database: TestDatabase;
const start = () => startServerProcess({ DATABASE_URL: database.url, NODE_ENV: 'test' });

/** A running process's command line and environment, from /proc. */
const commandLineOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
const environmentOf = (pid: number) =>
  Object.fromEntries(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean).map(nameAndValue));

/** Checks that a server process runs with the start script's Node options and environment. */
function expectStartScriptOn(pid: number) {
  const { env, nodeFlags } = startScript();
  expect(commandLineOf(pid)).toEqual(expect.arrayContaining(nodeFlags));
  expect(environmentOf(pid)).toMatchObject(env);
}

/** The processes started by `pid`, and theirs, from /proc. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the second field after the command name, which is in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // It ended while we looked.
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const parent = queue.shift();
    for (const [child, itsParent] of parents) {
      if (itsParent !== parent) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

it('starts on an empty database, seeds the demo once, and stops cleanly on SIGTERM', async () => {
  const first = await start();
  try {
    // Tests and benchmarks run the server with the start script's environment and Node options, as
    // production does.
    const { env, nodeFlags } = startScript();
    expect(nodeFlags).toContain('--max-semi-space-size=4');
    expect(env).toEqual({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '32768' });
    expectStartScriptOn(first.child.pid as number);
    expect(first.output()).toContain('Seeded the "demo" community');
    const client = new GraphQLClient(`${first.url}/graphql`);
    const data = await client.data(
      '{ community(slug: "demo") { name threads(first: 50) { edges { node { title } } } } }',
    );
    expect(data.community.name).toBe('Acme Outdoor');
    expect(data.community.threads.edges.length).toBeGreaterThanOrEqual(5);
    // A live subscription must not hold shutdown hostage.
    const threadId = (await client.data('{ community(slug: "demo") { threads(first: 1) { edges { node { id } } } } }'))
      .community.threads.edges[0].node.id;
    const live = subscribe(
      `${first.url}/graphql`,
      'subscription ($id: ID!) { threadEvents(community: "demo", threadId: $id) { __typename } }',
      {
        variables: { id: threadId },
      },
    );
    await live.ready;
    const stopped = await first.stop();
    live.close();
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(3_000);
    expect(first.output()).toContain('SIGTERM');
  } finally {
    first.child.kill('SIGKILL');
  }

  const second = await start();
  try {
    expect(second.output()).not.toContain('Seeded');
    const client = new GraphQLClient(`${second.url}/graphql`);
    const data = await client.data('{ community(slug: "demo") { threads(first: 50) { edges { node { title } } } } }');
    const titles = data.community.threads.edges.map((e: any) => e.node.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect((await second.stop()).code).toBe(0);
  } finally {
    second.child.kill('SIGKILL');
  }
});

it('on SIGTERM, answers every request it had accepted, then refuses new ones and exits', async () => {
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    NODE_ENV: 'test',
    RATE_LIMIT_MULTIPLIER: '1000',
  });
  try {
    const client = new GraphQLClient(`${server.url}/graphql`);
    const token = await guestToken(client, 'demo', 'Grace Shutdown');
    const threadId = (await client.data('{ community(slug: "demo") { threads(first: 1) { edges { node { id } } } } }'))
      .community.threads.edges[0].node.id;
    // A live stream is told to reconnect elsewhere (SSE's retry hint) rather than just cut off.
    const stream = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription ($id: ID!) { threadEvents(community: "demo", threadId: $id) { __typename } }',
        variables: { id: threadId },
      }),
    });
    const text = stream.text();
    // Connections the process has accepted (a load balancer's pool): what arrives on them is the
    // server's to finish. (A connection still in the kernel's queue when the port closes is refused.)
    await Promise.all(Array.from({ length: 30 }, () => client.data('{ __typename }')));
    const replies = Array.from({ length: 30 }, (_, i) =>
      client.request('mutation ($id: ID!, $b: String!) { reply(input: { threadId: $id, body: $b }) { id } }', {
        token,
        variables: { id: threadId, b: `Reply ${i} sent just before the shutdown` },
      }),
    );
    // Stop once the first answers are back: the server has the rest in hand, unanswered.
    let answered = 0;
    await new Promise<void>((resolve) => {
      const count = () => ++answered === 3 && resolve();
      for (const reply of replies) void reply.then(count, count);
    });
    const inFlight = 30 - answered;
    const stopped = server.stop();
    const answers = await Promise.all(replies);
    expect(inFlight).toBeGreaterThan(0);
    expect(answers.filter((a) => a.errors || !a.data)).toEqual([]);
    expect((await stopped).code).toBe(0);
    expect(await text).toContain('retry: 1000');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  } finally {
    server.child.kill('SIGKILL');
  }
});

it("`pnpm start` runs the server with the start script's environment and Node options", async () => {
  // The pnpm running these tests (its script's runner sets npm_execpath), or the one on the PATH.
  const pnpm = process.env.npm_execpath;
  const [command, args] = pnpm?.endsWith('js') ? [process.execPath, [pnpm, 'start']] : ['pnpm', ['start']];
  const child = spawn(command, args, {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pnpm start did not start the server:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (!/listening on http/.test(output)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
    });
    const server = descendantsOf(child.pid as number).find((pid) => commandLineOf(pid).includes('dist/main.js'));
    expect(server, output).toBeDefined();
    expectStartScriptOn(server as number);
    process.kill(server as number, 'SIGTERM');
    await exited;
  } finally {
    for (const pid of descendantsOf(child.pid as number)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It ended on its own meanwhile.
      }
    }
    child.kill('SIGKILL');
  }
});
