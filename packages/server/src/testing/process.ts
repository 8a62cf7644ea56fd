import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** How package.json's start script runs the server: `[NAME=value ...] node <options> dist/main.js`. */
export interface StartScript {
  /** Environment it sets for the process (read by the C library before any JavaScript runs). */
  env: Record<string, string>;
  /** Node's own options. */
  nodeFlags: string[];
}

/**
 * The start script's environment and Node options, read from package.json so that tests and
 * benchmarks run the server as production does.
 */
export function startScript(): StartScript {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const script = String(manifest.scripts?.start ?? '');
  const words = script.split(/\s+/);
  const assignments = words.findIndex((word) => !/^[A-Z_][A-Z0-9_]*=\S*$/.test(word));
  if (words[assignments] !== 'node' || words.at(-1) !== 'dist/main.js') {
    throw new Error(`package.json's start script is not "[NAME=value ...] node <options> dist/main.js": ${script}`);
  }
  return {
    env: Object.fromEntries(words.slice(0, assignments).map(nameAndValue)),
    nodeFlags: words.slice(assignments + 1, -1),
  };
}

/** An environment variable's `NAME=value`, as a start script or /proc/<pid>/environ has it, split. */
export function nameAndValue(assignment: string): [string, string] {
  const equals = assignment.indexOf('=');
  return [assignment.slice(0, equals), assignment.slice(equals + 1)];
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends a signal and resolves when the process exits, with the time it took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/** Test servers share the machine's Redis: one prefix per database keeps their keys apart. */
export function redisPrefixFor(databaseUrl: string): string {
  return `rapport-test:${createHash('sha256').update(databaseUrl).digest('hex').slice(0, 12)}`;
}

/**
 * Starts the server as its own process exactly as `pnpm start` does (its environment, then `node
 * <its options> dist/main.js`, built from src/ by build.ts, which vitest's globalSetup runs
 * first), on a free port, and resolves once it says it is listening.
 */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  /** More options for Node itself, after the start script's (a heap ceiling, for the benchmark). */
  extraNodeFlags: string[] = [],
  /** What to run instead of the built server (the benchmark's bare graphql-yoga floor). */
  script: string = main,
): Promise<ServerProcess> {
  const start = startScript();
  const child = spawn(process.execPath, [...start.nodeFlags, ...extraNodeFlags, script], {
    env: {
      ...process.env,
      ...start.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_PREFIX: redisPrefixFor(env.DATABASE_URL ?? ''),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let signalledAt = 0;
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, ms: Date.now() - signalledAt })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited:\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    stop(signal = 'SIGTERM') {
      signalledAt = Date.now();
      child.kill(signal);
      return exited;
    },
  };
}
