import { expect } from 'vitest';
import type { GraphQLResponse } from './graphql-client.ts';

/**
 * Answers to the same write sent many times at once: exactly one stored it (`idOf` reads its id),
 * and every other was refused as a duplicate of it, naming the field that repeats. Returns its id.
 */
export function expectStoredOnce(
  answers: GraphQLResponse[],
  idOf: (data: Record<string, unknown> | null | undefined) => string | undefined,
  field: string,
): string {
  const stored = answers.filter((a) => idOf(a.data));
  expect(stored).toHaveLength(1);
  const id = idOf(stored[0]?.data) as string;
  const refused = answers.filter((a) => a.errors);
  expect(refused).toHaveLength(answers.length - 1);
  for (const answer of refused) {
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field, existingId: id });
  }
  return id;
}
