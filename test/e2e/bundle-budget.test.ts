/** Every page that embeds the widget pays for its bytes: widget.js stays under 30 KB gzipped. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const BUDGET_GZIP_BYTES = 30 * 1024;

it('widget.js is at most 30 KB gzipped (run `pnpm build` first)', () => {
  const bundle = readFileSync(new URL('../../packages/widget/dist/widget.js', import.meta.url));
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  console.log(`widget.js: ${bundle.length} bytes minified, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});
