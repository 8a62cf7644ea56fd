/**
 * What keeping the search index costs a reply, measured fairly: replies posted with the index's
 * reply triggers and without them, in turns on one server (kept, dropped, dropped, kept, twice
 * over). The reply table grows and the machine's pace drifts during a run, so two runs one after
 * the other measured that drift too: the cost read 8–24 % from run to run that way.
 */
import type { Dialect } from '../src/db/em.ts';
import { openOrm } from '../src/db/orm.ts';
import { type CpuSplit, cpuSplit } from './http/cpu.ts';
import type { LoadResult } from './http/load.ts';

export interface ReplyCost {
  indexed: LoadResult;
  unindexed: LoadResult;
  /**
   * CPU per reply, the server's and the database's, with the index and without: steadier than
   * throughput on this shared VM, where rounds of one configuration varied by a quarter.
   */
  indexedCpu: CpuSplit;
  unindexedCpu: CpuSplit;
}

/** The rounds in order, kept or not: each pair around a middle cancels a steady drift. */
export const REPLY_COST_ROUNDS = [true, false, false, true, true, false, false, true] as const;

/**
 * `post(kept)` load-tests posting replies with the index's reply triggers there or not, round by
 * round, on the server process `serverPid`.
 */
export async function replyCost(
  dialect: Dialect,
  databaseUrl: string,
  serverPid: number,
  post: (kept: boolean) => Promise<LoadResult>,
): Promise<ReplyCost> {
  const orm = await openOrm({ databaseUrl, overrides: { subscribers: [] } });
  try {
    const connection = orm.em.getConnection();
    // The triggers as the migrations made them, to make them again after a round without.
    const triggers: { name: string; sql: string }[] =
      dialect === 'postgresql'
        ? await connection.execute(
            `select tgname as name, pg_get_triggerdef(oid) as sql from pg_trigger where tgrelid = 'reply'::regclass and tgname like 'reply_search%'`,
          )
        : await connection.execute(
            `select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'reply' and name like 'reply_search%'`,
          );
    if (triggers.length === 0) throw new Error('The search index keeps no trigger on replies: nothing to compare.');
    const drop = (name: string) =>
      dialect === 'postgresql' ? `drop trigger "${name}" on "reply"` : `drop trigger \`${name}\``;
    const indexed: { result: LoadResult; cpu: CpuSplit }[] = [];
    const unindexed: { result: LoadResult; cpu: CpuSplit }[] = [];
    let kept = true;
    for (const keep of REPLY_COST_ROUNDS) {
      if (keep !== kept) {
        for (const trigger of triggers) await connection.execute(keep ? trigger.sql : drop(trigger.name));
        kept = keep;
      }
      (keep ? indexed : unindexed).push(
        await cpuSplit(
          serverPid,
          () => post(keep),
          (r) => r.requests,
        ),
      );
    }
    return {
      indexed: together(indexed.map((r) => r.result)),
      unindexed: together(unindexed.map((r) => r.result)),
      indexedCpu: meanCpu(indexed.map((r) => r.cpu)),
      unindexedCpu: meanCpu(unindexed.map((r) => r.cpu)),
    };
  } finally {
    await orm.close();
  }
}

/** Rounds of equal length as one: their mean throughput, and the worst of their percentiles. */
function together(rounds: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length,
    p50Ms: Math.max(...rounds.map((r) => r.p50Ms)),
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

/** Rounds' CPU per reply, each part averaged (rounds are of equal length). */
function meanCpu(rounds: CpuSplit[]): CpuSplit {
  const mean = (part: keyof CpuSplit) => rounds.reduce((sum, r) => sum + r[part], 0) / rounds.length;
  return { server: mean('server'), database: mean('database'), bench: mean('bench') };
}
