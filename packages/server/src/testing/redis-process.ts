import type { ChildProcess } from 'node:child_process';
import { freePort, startUntilReady } from './service-process.ts';

/** A Redis server of the test's own (the machine's is shared), which the test may stop and start. */
export interface RedisProcess {
  url: string;
  /** Kills it at once (SIGKILL): an outage, not a shutdown. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: it keeps nothing on disk). */
  start(): Promise<void>;
  /** Stops it where it stands (SIGSTOP): connections stay open and nothing is answered. */
  hang(): void;
  /** Lets a hung server go on (SIGCONT). */
  resume(): void;
}

/** Starts `redis-server` (from the machine's packages) on a free port of 127.0.0.1. */
export async function startRedisProcess(): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    child = await startUntilReady('redis-server', args, 'Ready to accept connections');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    hang: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async kill() {
      child?.kill('SIGCONT');
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
