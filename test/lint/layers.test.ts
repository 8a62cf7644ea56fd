/**
 * The layers, enforced: `pnpm lint` (Biome, biome.json's overrides) fails on an import across a
 * layer the design forbids, and on an import cycle. Each case writes a probe file where a newcomer
 * might, lints it with the repository's configuration, and removes it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const written = new Set<string>();

function probe(path: string, source: string): string {
  // Only ever a folder of its own: the clean-up removes it whole.
  if (!path.includes('/__probe__/')) throw new Error(`a probe goes in a __probe__ folder: ${path}`);
  const file = `${root}${path}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  written.add(dirname(file));
  return path;
}

afterEach(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
  written.clear();
});

/** Biome's diagnostics for these files, as lint reports them (exit code aside). */
async function lint(...paths: string[]): Promise<string> {
  const biome = `${root}node_modules/.bin/biome`;
  try {
    const { stdout, stderr } = await promisify(execFile)(biome, ['lint', '--max-diagnostics=50', ...paths], {
      cwd: root,
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return stdout + stderr;
  }
}

const use = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

it.each([
  ['services import the schema', 'packages/server/src/services/__probe__/a.ts', '../../schema/thread.ts'],
  ['services import HTTP', 'packages/server/src/services/__probe__/a.ts', '../../http/server.ts'],
  ['services import GraphQL', 'packages/server/src/services/__probe__/a.ts', 'graphql'],
  ['core imports services', 'packages/server/src/core/__probe__/a.ts', '../../services/consent.ts'],
  ['auth imports services', 'packages/server/src/auth/__probe__/a.ts', '../../services/consent.ts'],
  ['entities import services', 'packages/server/src/entities/__probe__/a.ts', '../../services/consent.ts'],
  ['the schema imports the database', 'packages/server/src/schema/__probe__/a.ts', '../../db/orm.ts'],
  ['the schema imports the ORM', 'packages/server/src/schema/__probe__/a.ts', '@mikro-orm/core'],
  ['the CLI imports the schema', 'packages/server/src/cli/__probe__/a.ts', '../../schema/index.ts'],
  ['services import live delivery', 'packages/server/src/services/__probe__/a.ts', '../../live/event-bus.ts'],
  ['services import part of GraphQL', 'packages/server/src/services/__probe__/a.ts', 'graphql/execution'],
  ['core imports GraphQL', 'packages/server/src/core/__probe__/a.ts', 'graphql'],
  ['entities import a GraphQL package', 'packages/server/src/entities/__probe__/a.ts', 'graphql'],
  ['shared code imports the server', 'packages/shared/src/__probe__/a.ts', '@rapport/server/src/core/scope.ts'],
  ['the widget imports the server', 'packages/widget/src/__probe__/a.ts', '@rapport/server/src/services/consent.ts'],
  ['the console imports the server', 'packages/admin/src/__probe__/a.ts', '../../../server/src/services/consent.ts'],
  ['the database layer imports services', 'packages/server/src/db/__probe__/a.ts', '../../services/consent.ts'],
  ['live delivery imports the schema', 'packages/server/src/live/__probe__/a.ts', '../../schema/thread.ts'],
  ['rate limits import services', 'packages/server/src/rate-limit/__probe__/a.ts', '../../services/consent.ts'],
  ['inbound mail imports the schema', 'packages/server/src/inbound/__probe__/a.ts', '../../schema/thread.ts'],
  ['HTTP imports the CLI', 'packages/server/src/http/__probe__/a.ts', '../../cli/index.ts'],
])('fails when %s', async (_case, path, from) => {
  const output = await lint(probe(path, use(from)));
  expect(output).toContain('lint/style/noRestrictedImports');
});

it('passes an import the layers allow', async () => {
  const output = await lint(probe('packages/server/src/services/__probe__/a.ts', use('../../core/scope.ts')));
  // Linted, and found nothing.
  expect(output).toContain('Checked 1 file');
  expect(output).not.toContain('noRestrictedImports');
  expect(output).not.toContain('noImportCycles');
});

it('fails on an import cycle', async () => {
  const a = probe('packages/server/src/services/__probe__/a.ts', use('./b.ts'));
  const b = probe('packages/server/src/services/__probe__/b.ts', use('./a.ts'));
  const output = await lint(a, b);
  expect(output).toContain('lint/suspicious/noImportCycles');
});

it('fails on a cycle made only of type imports, and on a layer crossed by a type import', async () => {
  const useType = (from: string) => `import type { X } from '${from}';\nexport type Y = X;\n`;
  const a = probe('packages/server/src/services/__probe__/a.ts', useType('./b.ts'));
  const b = probe('packages/server/src/services/__probe__/b.ts', useType('./a.ts'));
  expect(await lint(a, b)).toContain('lint/suspicious/noImportCycles');
  const c = probe('packages/server/src/services/__probe__/c.ts', useType('../../schema/thread.ts'));
  expect(await lint(c)).toContain('lint/style/noRestrictedImports');
});

/**
 * A type written as `import('…').T` crosses a layer unseen by the import rules, which read import
 * statements only: the server's code writes its type imports as statements. (This reads the files.)
 */
it('has no import(…) types in the server’s code, which the layer rules could not see', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}${entry.name}`;
      if (entry.isDirectory()) walk(`${path}/`);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/import\(\s*['"][^'"]+['"]\s*\)\s*\.|typeof import\(/.test(line)) offenders.push(`${path}:${i + 1}`);
          });
      }
    }
  };
  walk(`${root}packages/server/src/`);
  expect(offenders).toEqual([]);
});

/**
 * Resolvers stay thin: the schema hands the entity manager to services (`service(ctx.scope().em)`)
 * but never queries it itself. (An import rule cannot see a call; this reads the files.)
 */
it('keeps queries out of the schema’s resolvers', () => {
  const dir = `${root}packages/server/src/schema/`;
  const offenders = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'context.ts')
    .flatMap((f) =>
      readFileSync(`${dir}${f}`, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) =>
          /(\.em|\bem\(\))\s*\.\s*(find|count|execute|create|persist|remove|native|insert|flush|transactional|getConnection|qb|createQueryBuilder)/.test(
            line,
          ),
        ),
    )
    .map((o) => `${o.where}: ${o.line.trim()}`);
  expect(offenders).toEqual([]);
});
