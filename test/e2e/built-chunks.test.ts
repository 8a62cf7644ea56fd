/**
 * The browser bundles as built (run `pnpm build` first): every chunk a bundle loads with import()
 * is a file beside it. A computed import (`import(\`./x/${name}.ts\`)`) is left as it is by the
 * bundler and fails only in the browser, when that language or view is first chosen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const built = (name: string) => new URL(`../../packages/${name}/dist/`, import.meta.url);

describe.each(['widget', 'admin'])('%s bundle', (name) => {
  const dist = built(name);
  const files = readdirSync(dist).filter((file) => file.endsWith('.js'));

  it('loads only chunks that exist, each named in full', () => {
    let chunks = 0;
    for (const file of files) {
      const code = readFileSync(new URL(file, dist), 'utf8');
      for (const [, argument] of code.matchAll(/\bimport\(([^)]*)\)/g)) {
        const named = /^["'`]\.\/([\w-]+\.js)["'`]$/.exec(argument as string);
        expect(named, `${file}: import(${argument})`).not.toBeNull();
        expect(files, `${file} loads ${named?.[1]}`).toContain(named?.[1]);
        chunks++;
      }
    }
    expect(chunks).toBeGreaterThan(10);
  });
});

/** The files `code` imports statically (`from"./x.js"`, `import"./x.js"`; not `import("./x.js")`). */
const staticImports = (code: string) =>
  [...code.matchAll(/(?:from|import)\s*["'`]\.\/([\w-]+\.js)["'`]/g)].map((match) => match[1] as string);

it('widget.js names one start chunk, which loads nothing more at start; later chunks import it, not widget.js', () => {
  const dist = built('widget');
  const read = (file: string) => readFileSync(new URL(file, dist), 'utf8');
  const [start, ...more] = staticImports(read('widget.js'));
  expect(more).toEqual([]);
  expect(start).toMatch(/^widget-start-[\w-]+\.js$/);
  // No second round trip at start.
  expect(staticImports(read(start as string))).toEqual([]);
  // A page may load widget.js as widget.js?v=2: a chunk importing "./widget.js" would run a second copy.
  const chunks = readdirSync(dist).filter((file) => file.endsWith('.js') && file !== 'widget.js');
  for (const chunk of chunks) expect(staticImports(read(chunk)), chunk).not.toContain('widget.js');
  expect(chunks.some((chunk) => staticImports(read(chunk)).includes(start as string))).toBe(true);
});
