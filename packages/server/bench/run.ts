/**
 * `pnpm bench`: the speed goals, measured on this machine and written to BENCHMARKS.md with the
 * machine and the date. Goals are checked here, not in timed unit tests (shared CI machines flake).
 * BENCH_SCALE=0.1 runs a tenth of the data (for trying things out; the file says so);
 * BENCH_ONLY=ranking, http, search or soak runs one suite (its section of the file is rewritten);
 * SOAK_SECONDS sets the soak's length (default 300).
 */
import { benchHttp, type HttpResult } from './http/index.ts';
import { httpMarkdown, httpMet, scaledWidgetSizes } from './http/report.ts';
import { benchRanking, type RankingResult } from './ranking.ts';
import { rankingMarkdown, rankingMet } from './ranking-report.ts';
import { writeSection } from './report.ts';
import { benchSearch, type SearchBenchResult } from './search.ts';
import { evaluateSearch, type SearchQuality } from './search-evaluation/evaluate.ts';
import { searchMarkdown, searchMet } from './search-report.ts';
import { type SoakResult, soak } from './soak.ts';
import { soakMarkdown, soakMet } from './soak-report.ts';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const only = process.env.BENCH_ONLY;
const log = (line: string) => process.stderr.write(`${line}\n`);
const dialects = ['sqlite', 'postgresql'] as const;
let met = true;

if (!only || only === 'ranking') {
  const sizes = { members: Math.round(100_000 * scale), activities: Math.round(1_000_000 * scale) };
  const results: RankingResult[] = [];
  for (const dialect of dialects) {
    log(`ranking on ${dialect}: ${sizes.members} members, ${sizes.activities} activities`);
    results.push(await benchRanking(dialect, sizes, log));
  }
  writeSection('ranking', rankingMarkdown(results, scale));
  met &&= rankingMet(results);
}

if (!only || only === 'http') {
  const sizes = scaledWidgetSizes(scale);
  const results: HttpResult[] = [];
  for (const dialect of dialects) {
    log(`http on ${dialect}: ${JSON.stringify(sizes)}`);
    results.push(
      await benchHttp(
        dialect,
        sizes,
        {
          seconds: Number(process.env.BENCH_SECONDS ?? 10),
          connections: 50,
          subscribers: Math.max(10, Math.round(1000 * Math.min(1, scale * 10))),
          rounds: 10,
          redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
        },
        log,
      ),
    );
  }
  writeSection('http', httpMarkdown(results, scale));
  met &&= httpMet(results);
}

if (!only || only === 'search') {
  const sizes = { threads: Math.round(100_000 * scale), replies: Math.round(1_000_000 * scale) };
  const results: SearchBenchResult[] = [];
  const quality: SearchQuality[] = [];
  for (const dialect of dialects) {
    log(`search on ${dialect}: ${JSON.stringify(sizes)}`);
    quality.push(await evaluateSearch(dialect));
    results.push(
      await benchSearch(
        dialect,
        sizes,
        {
          seconds: Number(process.env.BENCH_SECONDS ?? 10),
          connections: 50,
          redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
        },
        log,
      ),
    );
  }
  writeSection('search', searchMarkdown(results, quality, scale));
  met &&= searchMet(results, quality);
}

if (!only || only === 'soak') {
  const results: SoakResult[] = [];
  for (const dialect of dialects) {
    log(`soak on ${dialect}`);
    results.push(
      await soak(
        dialect,
        {
          seconds: Number(process.env.SOAK_SECONDS ?? 300),
          readers: 8,
          writers: 3,
          voters: 2,
          subscribers: 200,
          // SQLite as one process runs (events in memory); PostgreSQL as several do (Redis).
          redisUrl: dialect === 'postgresql' ? process.env.REDIS_URL || 'redis://127.0.0.1:6379' : undefined,
        },
        log,
      ),
    );
  }
  writeSection('soak', soakMarkdown(results));
  met &&= soakMet(results);
}

log('BENCHMARKS.md written.');
process.exitCode = met ? 0 : 1;
