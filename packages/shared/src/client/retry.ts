import { type CombinedError, type Exchange, makeOperation, type Operation } from '@urql/core';
import { filter, makeSubject, merge, pipe } from 'wonka';

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
 * An exchange that sends again what `mayRetry` allows, after a growing pause, up to four attempts
 * in all; the caller sees only the last answer. (Smaller than @urql/exchange-retry, which the
 * widget's size budget had no room for; the same shape: failed operations go back into the stream.)
 */
export const retryTransientExchange =
  (): Exchange =>
  ({ forward }) =>
  (operations$) => {
    const { source: retries$, next: retry } = makeSubject<Operation>();
    return pipe(
      forward(merge([operations$, retries$])),
      filter((result) => {
        const { operation, error } = result;
        const attempt = (operation.context.attempt as number | undefined) ?? 0;
        if (!error || attempt >= PAUSES_MS.length || !mayRetry(error, operation)) return true;
        setTimeout(
          () => retry(makeOperation(operation.kind, operation, { ...operation.context, attempt: attempt + 1 })),
          PAUSES_MS[attempt],
        );
        return false;
      }),
    );
  };
