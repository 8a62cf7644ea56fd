import type { RankingResult } from './ranking.ts';
import { measuredOn, pass } from './report.ts';

export const RANKING_GOALS = { recomputeSeconds: 10, incrementalMs: 5 };

/** What changed the numbers, as measured by earlier full-scale runs on this machine (kept by hand). */
const HISTORY = `### History (full scale, same machine; runs vary by about ±20 % on this shared VM)

| change | SQLite recompute | PostgreSQL recompute | PostgreSQL incremental |
|---|---|---|---|
| first version: LIMIT paging, ORM inserts of scores, a JavaScript Set per member, 6–10 statements per incremental update | 12.3 s | 30.5 s | 5.36 ms |
| PostgreSQL cursor with prefetch, threads/replies read as one JSON document, scores inserted 10,000 per statement, pairs in a typed-array hash set, incremental update in 2 statements | 15.4 s | 17.8 s | 2.92 ms |
| a reused fact object, no content lookups for votes and follows, interned type names, the log read in its index order on PostgreSQL | 9.2 s | 15.5 s | 3.08 ms |
| contributions added straight to the totals (no objects): no gain beyond the noise | 10.6 s | 16.0 s | 2.79 ms |
| PostgreSQL log read as JSON pages by keyset (not row objects from a cursor); no second foreign key check per score row | 8.7 s | 11.5 s | 2.72 ms |
| ids and texts numbered in a typed-array hash table, not V8 Maps (a CPU profile put a quarter of the replay in Map lookups of fresh id strings); PostgreSQL vacuumed after the bench's bulk load, as autovacuum would have (the first scan of a fresh load sets hint bits on every page: 10.5 s before, 9.0 s after, same code) | 9.1 s | 8.7 s | 2.40 ms |
| SQLite's file read into an 8 MB page cache instead of memory-mapped with a 64 MB cache (issue #8, for the server's memory); the recompute does not suffer from it (PostgreSQL unchanged by it: its difference is the VM's noise) | 8.5 s | 9.8 s | 2.49 ms |`;

/** The ranking section of BENCHMARKS.md. */
export function rankingMarkdown(results: RankingResult[], scale: number): string {
  const sizes = results[0]?.sizes ?? { members: 0, activities: 0 };
  const rows = results.map((r) => {
    const ratio = (r.recomputeSeconds * 1000) / r.sizes.activities / r.incremental.meanMs;
    return `| ${r.dialect} | ${r.sizes.members.toLocaleString('en')} / ${r.sizes.activities.toLocaleString('en')} | ${r.recomputeSeconds.toFixed(2)} s (${pass(r.recomputeSeconds <= RANKING_GOALS.recomputeSeconds)}) | ${r.incremental.meanMs.toFixed(2)} ms mean, ${r.incremental.medianMs.toFixed(2)} median, ${r.incremental.p95Ms.toFixed(2)} p95 (${pass(r.incremental.meanMs <= RANKING_GOALS.incrementalMs)}) | ${ratio.toFixed(3)} | ${r.largestDifference.toExponential(1)} | ${r.generateSeconds.toFixed(1)} s |`;
  });
  return `## Ranking (services/ranking)

${measuredOn()}
- Data: ${sizes.members.toLocaleString('en')} members and ${sizes.activities.toLocaleString('en')} activities over two years (threads 5%, replies 25%, votes, follows, status changes, share visits), a few members doing most of the talking${scale === 1 ? '' : ` — **scaled down ×${scale} (BENCH_SCALE)**`}

Goals: full recompute ≤ ${RANKING_GOALS.recomputeSeconds} s; incremental update ≤ ${RANKING_GOALS.incrementalMs} ms per activity.

| database | members / activities | full recompute | incremental update (per activity, ${results[0]?.incremental.count ?? 0} activities) | recompute per activity ÷ incremental | largest difference, incremental vs recompute | generating the data |
|---|---|---|---|---|---|---|
${rows.join('\n')}

The incremental update runs in the transaction that writes the activity (timed apart from the
insert itself); "largest difference" is the largest relative difference between the scores the
incremental updates kept and those a recompute from scratch gives afterwards (0 = identical).

${HISTORY}`;
}

/** Whether every ranking goal was met (and both ways of computing agree). */
export const rankingMet = (results: RankingResult[]) =>
  results.every(
    (r) =>
      r.recomputeSeconds <= RANKING_GOALS.recomputeSeconds &&
      r.incremental.meanMs <= RANKING_GOALS.incrementalMs &&
      r.largestDifference <= 1e-9,
  );
