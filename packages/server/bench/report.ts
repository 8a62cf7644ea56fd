import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const FILE = new URL('../../../BENCHMARKS.md', import.meta.url);
const HEAD = `# Benchmarks

Written by \`pnpm bench\` (packages/server/bench). Goals are met here, on generated data, never in
timed unit tests. Each section says when and where it was measured; \`BENCH_ONLY=ranking\` or
\`BENCH_ONLY=http\` runs one of them and rewrites only its own section.
`;

export const pass = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The value below which `fraction` of the (ascending) samples lie; NaN without samples. */
export const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;

/** The date and machine line every section starts with. */
export function measuredOn(): string {
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  return `- Date: ${new Date().toISOString().slice(0, 10)}\n- Machine: ${machine}`;
}

/** Replaces one section of BENCHMARKS.md (between its markers), keeping the others. */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- section:${name} -->`;
  const end = `<!-- /section:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEAD;
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  text =
    at >= 0 && until > at
      ? `${text.slice(0, at)}${block}${text.slice(until + end.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
}
