/** Where a scenario's CPU went on this machine: the server, the database's processes, the bench. */
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command's name (which may hold spaces). */
const statOf = (pid: number | string) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');

/** A process's CPU time so far in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = statOf(pid);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The CPU time so far of each PostgreSQL process on this machine, in ms, by pid (none where there
 * is none: SQLite works inside the server's process). The shared database serves only the bench
 * while it runs, so this is the bench's database work.
 */
export function postgresCpuMs(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) byPid.set(pid, cpuMs(Number(pid)));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return byPid;
}

/**
 * What PostgreSQL's processes used between two readings: each one's own difference, so that one
 * that ended meanwhile (an autovacuum worker) takes nothing away; its last moments go uncounted.
 */
const usedSince = (before: Map<string, number>, after: Map<string, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

export interface CpuSplit {
  /** Milliseconds of CPU per request: the server's process, the database's, and the bench's own. */
  server: number;
  database: number;
  bench: number;
}

/** Runs `scenario` and splits the CPU it took per request (`count` reads how many it made). */
export async function cpuSplit<T>(
  serverPid: number,
  scenario: () => Promise<T>,
  count: (result: T) => number,
): Promise<{ result: T; cpu: CpuSplit }> {
  const server = cpuMs(serverPid);
  const database = postgresCpuMs();
  const bench = process.cpuUsage();
  const result = await scenario();
  const used = process.cpuUsage(bench);
  const n = Math.max(1, count(result));
  return {
    result,
    cpu: {
      server: (cpuMs(serverPid) - server) / n,
      database: usedSince(database, postgresCpuMs()) / n,
      bench: (used.user + used.system) / 1000 / n,
    },
  };
}
