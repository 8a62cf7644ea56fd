import { type CombinedError, type Exchange, makeOperation, type Operation } from '@urql/core';
import { filter, makeSubject, merge, pipe, tap } from 'wonka';
import { carriesIdempotencyKey, isTransient, PAUSES_MS, retryPause } from './retry-policy.ts';

/**
 * Whether a failed operation may be sent again by itself: a query always (reading twice is
 * harmless); a mutation only with an idempotency key, which makes a second copy harmless too.
 * Subscriptions reconnect on their own terms (live.ts).
 */
export function mayRetry(error: CombinedError, operation: Operation): boolean {
  if (!isTransient(error)) return false;
  if (operation.kind === 'query') return true;
  return operation.kind === 'mutation' && carriesIdempotencyKey(operation.variables);
}

/**
 * An exchange that sends again what `mayRetry` allows, after a growing pause, up to four attempts
 * in all; the caller sees only the last answer. An operation torn down meanwhile (the component
 * gone) is not sent again. (Smaller than @urql/exchange-retry, which the console uses and the
 * widget's size budget has no room for; the same shape: failed operations go back into the stream.)
 */
export const retryTransientExchange =
  (pauses: readonly number[] = PAUSES_MS): Exchange =>
  ({ forward }) =>
  (operations$) => {
    const { source: retries$, next: retry } = makeSubject<Operation>();
    const waiting = new Map<number, ReturnType<typeof setTimeout>>();
    const stop = (key: number) => {
      clearTimeout(waiting.get(key));
      waiting.delete(key);
    };
    // Queries and subscriptions still wanted: a result arriving after its teardown is not sent
    // again. (urql never tears a mutation down: mutations are not kept here.)
    const live = new Set<number>();
    const torndown$ = pipe(
      operations$,
      tap((operation) => {
        // A new copy of the operation (or its teardown) replaces any retry still waiting.
        stop(operation.key);
        if (operation.kind === 'teardown') live.delete(operation.key);
        else if (operation.kind !== 'mutation') live.add(operation.key);
      }),
    );
    return pipe(
      forward(merge([torndown$, retries$])),
      filter((result) => {
        const { operation, error } = result;
        const attempt = (operation.context.attempt as number | undefined) ?? 0;
        const wanted = operation.kind === 'mutation' || live.has(operation.key);
        if (!error || !wanted || attempt >= pauses.length || !mayRetry(error, operation)) return true;
        const again = makeOperation(operation.kind, operation, { ...operation.context, attempt: attempt + 1 });
        stop(operation.key);
        waiting.set(
          operation.key,
          setTimeout(
            () => {
              waiting.delete(operation.key);
              retry(again);
            },
            retryPause(attempt, pauses),
          ),
        );
        return false;
      }),
    );
  };
