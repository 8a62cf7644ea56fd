/**
 * Writes src/db/migrations/index.ts, the list of checked-in migrations the server applies (see
 * src/db/orm.ts), from the files in each dialect's folder. scripts/create-migration.ts runs it
 * after writing a migration; src/db/migrations.test.ts fails if the list and the folders differ.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import type { Dialect } from '../src/db/em.ts';

const folder = new URL('../src/db/migrations/', import.meta.url);
const dialects: Dialect[] = ['sqlite', 'postgresql'];

/** The migration files of a dialect, oldest first (their names start with a timestamp). */
export function migrationFiles(dialect: Dialect): string[] {
  return readdirSync(new URL(`${dialect}/`, folder))
    .filter((file) => /^Migration\w+\.ts$/.test(file))
    .sort();
}

export function writeMigrationIndex(): void {
  const imports: string[] = [];
  const lists = dialects.map((dialect) => {
    const names = migrationFiles(dialect).map((file) => file.replace(/\.ts$/, ''));
    for (const name of names) imports.push(`import { ${name} as ${dialect}_${name} } from './${dialect}/${name}.ts';`);
    return `  ${dialect}: [\n${names.map((name) => `    ${dialect}_${name},\n`).join('')}  ],\n`;
  });
  writeFileSync(
    new URL('index.ts', folder),
    `// Written by scripts/migration-index.ts from the files beside it: do not edit.\n${imports.join('\n')}\n\n/** Every checked-in migration of each dialect, oldest first. */\nexport const migrations = {\n${lists.join('')}};\n`,
  );
}

if (import.meta.main) writeMigrationIndex();
