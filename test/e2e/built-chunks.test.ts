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

it("widget.js is the page's only file at start: it imports nothing statically (no second round trip)", () => {
  const code = readFileSync(new URL('widget.js', built('widget')), 'utf8');
  expect(code.match(/(?:^|[;}\s])import\s*[\w{*"'`]/g) ?? []).toEqual([]);
});
