import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from './index.ts';

it('packages/server/schema.graphql is current (run `pnpm --filter @rapport/server schema:print`)', () => {
  const checkedIn = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
  expect(checkedIn).toBe(`${printSchema(schema)}\n`);
});
