import { type CombinedError, type Exchange, makeOperation, type Operation } from '@urql/core';
import { filter, makeSubject, merge, pipe, tap } from 'wonka';

/**
 * A key for one thing a person means to send (a post, a reply, a vote). It stays the same while
 * the same input is sent again, by the retry exchange or by the person pressing the button again
 * after an error, so the server writes it once; it changes once the input changes or was sent.
 */
export class IdempotencyKey {
  #key = '';
  #input = '';

  /** The key for sending `input`: the previous one if this is the same input again. */
  for(input: unknown): string {
    const fingerprint = JSON.stringify(input);
    if (!this.#key || fingerprint !== this.#input) {
      this.#input = fingerprint;
      this.#key = newKey();
    }
    return this.#key;
  }

  /** The server has it: whatever is sent next is a new request. */
  sent(): void {
    this.#key = '';
  }
}

/** 128 random bits as hex. getRandomValues, unlike randomUUID, also works on pages served over http. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether the variables carry an idempotency key (as `idempotencyKey`, at the top or in `input`). */
export function carriesIdempotencyKey(variables: unknown): boolean {
  const vars = (variables ?? {}) as { idempotencyKey?: unknown; input?: { idempotencyKey?: unknown } };
  return typeof (vars.idempotencyKey ?? vars.input?.idempotencyKey) === 'string';
}

/** The server could not be reached, or said it is briefly unavailable: trying again may work. */
export function isTransient(error: CombinedError): boolean {
  return !!error.networkError || error.graphQLErrors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
}

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

/** Pauses before the 2nd, 3rd and 4th attempt: four attempts in all. */
const PAUSES_MS = [500, 1500, 3500];

/**
 * The pause before attempt `attempt + 2`: between half and one and a half times its step, at
 * random, so that the clients a restart cut off together do not all come back together.
 */
export const retryPause = (attempt: number, pauses: readonly number[] = PAUSES_MS, random = Math.random()) =>
  (pauses[attempt] ?? 0) * (0.5 + random);

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
