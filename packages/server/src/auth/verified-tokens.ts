import type { SsoClaims } from './sso-token.ts';

/** What a token was verified with, and what it said. */
export interface VerifiedToken {
  /** The key (its id and secret) that verified it: a token is taken again only while that key is active, unchanged. */
  kid: string;
  secret: string;
  claims: SsoClaims;
}

/**
 * SSO tokens already verified, by their hash, until they expire: a customer's widget sends the
 * same token with every request, and checking its signature and claims each time was a sixth of
 * a signed-in request's CPU (BENCHMARKS.md). Bounded: the oldest are forgotten first, and a
 * forgotten token is simply verified again.
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, VerifiedToken>();
  readonly #max: number;
  readonly #now: () => number;

  constructor({ max = 10_000, now = Date.now }: { max?: number; now?: () => number } = {}) {
    this.#max = max;
    this.#now = now;
  }

  /** The token verified earlier, unless it has expired since (its `exp`, with no leeway). */
  get(hash: string): VerifiedToken | undefined {
    const entry = this.#entries.get(hash);
    if (entry && entry.claims.expiresAt <= this.#now()) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry;
  }

  remember(hash: string, entry: VerifiedToken): void {
    if (entry.claims.expiresAt <= this.#now()) return;
    this.#entries.delete(hash);
    this.#entries.set(hash, entry);
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
