import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import type { AdminApp } from '../app.ts';
import { networkError } from '../i18n/words.ts';
import { type Problem, problemOf } from './errors.ts';

export type Outcome<Data> = { data: Data; problem?: undefined } | { data?: undefined; problem: Problem };

/** Runs a mutation; the answer, or the problem to show next to what caused it. */
export async function mutate<Data, Variables extends AnyVariables>(
  app: AdminApp,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Outcome<Data>> {
  const result = await app.client.mutation(document, variables).toPromise();
  if (result.data && !result.error) return { data: result.data };
  return { problem: problemOf(result.error) ?? { message: networkError() } };
}

/** The problem's message when the server blamed this input (for aria-invalid and the hint). */
export const problemFor = (problem: Problem | undefined, ...fields: string[]): string | undefined =>
  problem?.field && fields.includes(problem.field) ? problem.message : undefined;
