/** Prints the similar-threads evaluation for both databases (the bench writes it to BENCHMARKS.md). */
import { evaluateSearch } from './evaluate.ts';

for (const dialect of ['sqlite', 'postgresql'] as const) {
  const q = await evaluateSearch(dialect);
  console.log(
    `${dialect}: ${q.pairs} pairs, ${q.distractors} distractors: recall@5 ${q.recallAt5.toFixed(3)} (${q.recallRange.map((r) => r.toFixed(3)).join('–')} over ${q.draws} draws), precision@1 ${q.precisionAt1.toFixed(3)}, suggestions on novel posts ${q.novelSuggestions.toFixed(2)}`,
  );
  if (process.env.SHOW_MISSED) for (const m of q.missed) console.log(`  missed: ${m}`);
}
