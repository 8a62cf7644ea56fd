/**
 * What keeping the search index costs a reply, measured fairly: replies posted with the index's
 * reply triggers and without them, in turns on one server (kept, dropped, dropped, kept, twice
 * over). The reply table grows and the machine's pace drifts during a run, so two runs one after
 * the other measured that drift too: the cost read 8–24 % from run to run that way.
 */
import type { Dialect } from '../src/db/em.ts';
import { openOrm } from '../src/db/orm.ts';
import type { LoadResult } from './http/load.ts';

export interface ReplyCost {
  indexed: LoadResult;
  unindexed: LoadResult;
}

/** The rounds in order, kept or not: each pair around a middle cancels a steady drift. */
export const REPLY_COST_ROUNDS = [true, false, false, true, true, false, false, true] as const;

/** `post(kept)` load-tests posting replies with the index's reply triggers there or not, round by round. */
export async function replyCost(
  dialect: Dialect,
  databaseUrl: string,
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
    const indexed: LoadResult[] = [];
    const unindexed: LoadResult[] = [];
    let kept = true;
    for (const keep of REPLY_COST_ROUNDS) {
      if (keep !== kept) {
        for (const trigger of triggers) await connection.execute(keep ? trigger.sql : drop(trigger.name));
        kept = keep;
      }
      (keep ? indexed : unindexed).push(await post(keep));
    }
    return { indexed: together(indexed), unindexed: together(unindexed) };
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
