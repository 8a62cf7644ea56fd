import type { CpuSplit } from './http/cpu.ts';
import { measuredOn, pass } from './report.ts';
import { FIRST_WAVE_SECONDS, type SearchBenchResult } from './search.ts';
import type { SearchQuality } from './search-evaluation/evaluate.ts';

const GOALS = { searchRatio: 0.5, searchP99: 50, suggestionsP99: 30, replyCost: 0.1, recall: 0.8 };

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const pct = (x: number) => `${Math.round(x * 100)} %`;

export function searchMet(results: SearchBenchResult[], quality: SearchQuality[]): boolean {
  return (
    results.every(
      (r) =>
        ratio(r.search.requestsPerSecond, r.trivial.requestsPerSecond) >= GOALS.searchRatio &&
        r.search.p99Ms <= GOALS.searchP99 &&
        r.suggestions.p99Ms <= GOALS.suggestionsP99 &&
        1 - ratio(r.replyIndexed.requestsPerSecond, r.replyUnindexed.requestsPerSecond) <= GOALS.replyCost,
    ) && quality.every((q) => q.recallAt5 >= GOALS.recall)
  );
}

/** A database's CPU per reply with the index and without, and the share the index takes. */
function cpuCost(r: SearchBenchResult): string {
  // SQLite works inside the server's process: PostgreSQL's processes there are another bench's.
  const of = (cpu: CpuSplit) => cpu.server + (r.dialect === 'postgresql' ? cpu.database : 0);
  const kept = of(r.replyIndexedCpu);
  const dropped = of(r.replyUnindexedCpu);
  return `${r.dialect} ${kept.toFixed(2)} ms kept / ${dropped.toFixed(2)} ms dropped (${pct(Math.max(0, 1 - ratio(dropped, kept)))} of a reply's CPU)`;
}

export function searchMarkdown(results: SearchBenchResult[], quality: SearchQuality[], scale: number): string {
  const rows = results.map((r) => {
    const searchRatio = ratio(r.search.requestsPerSecond, r.trivial.requestsPerSecond);
    const cost = 1 - ratio(r.replyIndexed.requestsPerSecond, r.replyUnindexed.requestsPerSecond);
    const floor = ratio(r.freshPage.requestsPerSecond, r.trivial.requestsPerSecond);
    return [
      `| ${r.dialect} | ${Math.round(r.trivial.requestsPerSecond)} | ${Math.round(r.freshPage.requestsPerSecond)} (${pct(floor)}) | ${Math.round(r.search.requestsPerSecond)} (${pct(searchRatio)}, ${pass(searchRatio >= GOALS.searchRatio)}; ${pct(ratio(r.search.requestsPerSecond, r.freshPage.requestsPerSecond))} of the fresh page) | ${r.search.p99Ms} ms (${pass(r.search.p99Ms <= GOALS.searchP99)}); first wave ${r.searchFirstWave.p99Ms} ms | ${Math.round(r.suggestions.requestsPerSecond)} | ${r.suggestions.p99Ms} ms (${pass(r.suggestions.p99Ms <= GOALS.suggestionsP99)}); first wave ${r.suggestionsFirstWave.p99Ms} ms | ${Math.round(r.replyIndexed.requestsPerSecond)} / ${Math.round(r.replyUnindexed.requestsPerSecond)} (cost ${pct(Math.max(0, cost))}, ${pass(cost <= GOALS.replyCost)}) | ${r.freshPage.errors + r.searchFirstWave.errors + r.search.errors + r.suggestionsFirstWave.errors + r.suggestions.errors + r.replyIndexed.errors + r.replyUnindexed.errors} |`,
    ].join('');
  });
  const sizes = results[0]?.sizes;
  return `## Search

${measuredOn()}
- Data: ${sizes?.threads} threads and ${sizes?.replies} replies of generated prose (a 20,000-word vocabulary used by a power law)${scale === 1 ? '' : ` (BENCH_SCALE=${scale})`}; generated and indexed in ${results.map((r) => `${r.generateSeconds.toFixed(0)} s (${r.dialect})`).join(', ')}.
- Load: 50 connections over HTTP to the server's own process; a new word on every search; as the floor for search, a page of 10 threads with the fields a result shows but no search, another page on every request (no cache has it); suggestions for a new 4-word title each time; search and suggestions each measured after a first wave of ${FIRST_WAVE_SECONDS} s on a server that has not yet searched (that wave's p99 is reported beside); replies as 50 different guests, then without the index's reply triggers, in turns on the same server (kept, dropped, dropped, kept, twice over; bench/reply-indexing.ts): the cost of keeping the index.
- Goals: search ≥ ${pct(GOALS.searchRatio)} of \`{ __typename }\` with p99 ≤ ${GOALS.searchP99} ms; suggestions p99 ≤ ${GOALS.suggestionsP99} ms; the index costs ≤ ${pct(GOALS.replyCost)} of reply throughput.

| database | trivial req/s | a fresh page of 10 threads, no search (of trivial) | search req/s (of trivial; of the fresh page) | search p99 | suggestions req/s | suggestions p99 | replies/s indexed / not | errors |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

What keeping the index costs a reply in CPU (the server's process and the database's, per reply, mean of the same rounds; steadier than throughput on a shared VM): ${results.map(cpuCost).join('; ')}.

### Similar threads: quality

The evaluation set (bench/search-evaluation/pairs.ts): pairs of an existing thread and a differently worded post of the same need, written for this test across six kinds of brand, among distractor threads on other needs that share their words. The set is posted afresh for each draw: threads equally alike are ordered by their random ids, so one draw's recall varies a little. Goal: recall@5 ≥ ${GOALS.recall}.

| database | pairs | distractors | recall@5, mean of ${quality[0]?.draws ?? 0} draws (range) | precision@1 | suggestions on a post with no duplicate |
|---|---|---|---|---|---|
${quality.map((q) => `| ${q.dialect} | ${q.pairs} | ${q.distractors} | ${q.recallAt5.toFixed(3)} (${pass(q.recallAt5 >= GOALS.recall)}; ${q.recallRange.map((r) => r.toFixed(3)).join('–')}) | ${q.precisionAt1.toFixed(3)} | ${q.novelSuggestions.toFixed(2)} |`).join('\n')}
`;
}
