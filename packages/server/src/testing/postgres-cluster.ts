import { type ChildProcess, execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startUntilReady } from './service-process.ts';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own, made with initdb in a temporary folder, which the test
 * may stop and start (the machine's shared server is never touched).
 */
export interface PostgresCluster {
  /** postgres://… of a database `rapport` in it. */
  url: string;
  /** Stops it as an outage does: every connection is cut at once. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Freezes it (SIGSTOP on the server and every session): connections stay open, nothing answers. */
  hang(): void;
  /** Lets a frozen server go on (SIGCONT). */
  resume(): void;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

/** A process and every process below it, from /proc. */
function withDescendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // It ended while we looked.
    }
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    for (const [child, parent] of parents) if (parent === found[i]) found.push(child);
  }
  return found;
}

/** The folder of the PostgreSQL server programs (Debian installs them per version). */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version) throw new Error(`PostgreSQL's server programs were not found under ${root}`);
  return join(root, version, 'bin');
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function asPostgres(program: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await run(
    ...asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']),
  );
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const [program, args] = asPostgres(join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ]);
    child = await startUntilReady(program, args, 'ready to accept connections');
  };

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    // Fast shutdown: the server ends every session at once (as when it is stopped or fails over).
    await run(...asPostgres(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w']));
    await exited;
  };

  await start();
  await run(...asPostgres(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'rapport']));
  // The postmaster's pid is the first line of its pid file; its sessions are its children. As root
  // it runs under runuser, which stops itself when its child stops (as su does): it goes on too.
  const signalAll = (signal: NodeJS.Signals) => {
    if (!existsSync(join(data, 'postmaster.pid'))) return;
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const wrapper = signal === 'SIGCONT' && child?.pid ? [child.pid] : [];
    for (const pid of [...withDescendants(postmaster), ...wrapper]) {
      try {
        process.kill(pid, signal);
      } catch {
        // It ended meanwhile.
      }
    }
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/rapport`,
    start,
    stop,
    hang: () => signalAll('SIGSTOP'),
    resume: () => signalAll('SIGCONT'),
    async destroy() {
      signalAll('SIGCONT');
      await stop().catch(() => child?.kill('SIGKILL'));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
