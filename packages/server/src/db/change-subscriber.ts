import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';

/**
 * Announces every committed write, with its community when the entity manager was bound to one
 * (core/scope.ts) and as a change to every community when not. One place sees every
 * transaction and every flush (a flush outside a transaction commits one of its own), so what
 * processes cache from the database cannot outlive a write that forgot to say so.
 *
 * Not seen: a native update or delete run on its own, outside any transaction. None of those
 * touches what is cached: they stamp delivery state, staff sessions (never cached) and last-seen
 * times (services/identity.ts keeps its own record of those). A new one that would must run in a
 * transaction.
 */
export class ChangeSubscriber implements EventSubscriber {
  readonly #announce: (communityId: string | null) => void;

  constructor(announce: (communityId: string | null) => void) {
    this.#announce = announce;
  }

  afterTransactionCommit({ em, transaction }: TransactionEventArgs): void {
    // A savepoint released inside a transaction commits nothing yet: its outer transaction will.
    if (transaction?.savepointName) return;
    const bound = em.getFilterParams<{ communityId?: string }>('tenant');
    this.#announce(bound?.communityId ?? null);
  }
}
