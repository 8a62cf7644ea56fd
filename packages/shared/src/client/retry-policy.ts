/**
 * When a request may be sent again by itself, and how: what the console's urql exchanges
 * (retry.ts) and the widget's own client share. No urql here: the widget's budget has no room for it.
 */

/** The errors of a failed request, as urql's CombinedError and the widget's RequestError both have them. */
export interface FailedRequest {
  networkError?: unknown;
  graphQLErrors: readonly { extensions?: Record<string, unknown> }[];
}

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
export function isTransient(error: FailedRequest): boolean {
  return !!error.networkError || error.graphQLErrors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
}

/** Pauses before the 2nd, 3rd and 4th attempt: four attempts in all. */
export const PAUSES_MS = [500, 1500, 3500];

/**
 * The pause before attempt `attempt + 2`: between half and one and a half times its step, at
 * random, so that the clients a restart cut off together do not all come back together.
 */
export const retryPause = (attempt: number, pauses: readonly number[] = PAUSES_MS, random = Math.random()) =>
  (pauses[attempt] ?? 0) * (0.5 + random);
