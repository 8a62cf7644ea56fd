import type { Exchange } from '@urql/core';
import { map, pipe } from 'wonka';
import type { Session } from './session.ts';

const refused = (error: { graphQLErrors: { extensions?: Record<string, unknown> }[] } | undefined) =>
  error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;

/**
 * When the server refuses the token the widget holds (a guest token from a reset server, an
 * expired SSO token), forget it. A query or subscription is then run again without it, so reading
 * never breaks over a stale token; its refused result is marked stale so that it is not taken as
 * the answer. A mutation's error is passed on: the person is asked to join again when they retry.
 * Without a token, UNAUTHENTICATED just means "join first" and passes through untouched.
 */
export const staleTokenExchange =
  (session: Session): Exchange =>
  ({ client, forward }) =>
  (operations$) =>
    pipe(
      forward(operations$),
      map((result) => {
        if (!refused(result.error) || !session.token) return result;
        session.expire();
        if (result.operation.kind === 'mutation') return result;
        // After this result has settled the operation, so the client dispatches it anew.
        queueMicrotask(() => client.reexecuteOperation(result.operation));
        return { ...result, stale: true };
      }),
    );
