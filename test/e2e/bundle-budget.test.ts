/**
 * Every page that embeds the widget pays for its bytes: widget.js and any chunk it imports
 * statically stay under 25 KB gzipped together (issue #32).
 * Chunks loaded with import() (the account panel) are paid only by who opens them.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const BUDGET_GZIP_BYTES = 25 * 1024;
const dist = new URL('../../packages/widget/dist/', import.meta.url);

/** A module and every file it imports statically, transitively (relative imports only). */
function staticGraph(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = readFileSync(new URL(name, dist), 'utf8');
  // Static imports only: `from"./x.js"` (import … from) and `import"./x.js"`, not `import("./x.js")`.
  for (const match of code.matchAll(/(?:from|import)\s*["'`]\.\/([\w-]+\.js)["'`]/g))
    staticGraph(match[1] as string, seen);
  return seen;
}

it('widget.js with what it imports is at most 25 KB gzipped (run `pnpm build` first)', () => {
  const files = [...staticGraph('widget.js')];
  const bytes = files.map((f) => readFileSync(new URL(f, dist)));
  const minified = bytes.reduce((sum, b) => sum + b.length, 0);
  const gzipped = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
  console.log(
    `widget.js + ${files.length - 1} chunk(s): ${minified} bytes minified, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`,
  );
  expect(files[0]).toBe('widget.js');
  expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});

it('loads the account panel only when it is opened (its own chunk, not imported statically)', () => {
  const statics = staticGraph('widget.js');
  expect([...statics].some((f) => f.includes('account-panel'))).toBe(false);
  const code = [...statics].map((f) => readFileSync(new URL(f, dist), 'utf8')).join('\n');
  expect(code).toMatch(/import\(["'`]\.\/widget-account-panel-[\w-]+\.js["'`]\)/);
});

it('ships its GraphQL documents minified, typed ones included', () => {
  const code = [...staticGraph('widget.js')].map((f) => readFileSync(new URL(f, dist), 'utf8')).join('\n');
  const documents = [...code.matchAll(/`((?:query|mutation|subscription|fragment) [^`]*)`/g)].map(
    (m) => m[1] as string,
  );
  expect(documents.length).toBeGreaterThan(3);
  for (const document of documents) expect(document).not.toMatch(/\n|\s{2}/);
});
