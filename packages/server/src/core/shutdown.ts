import type { Em } from '../db/em.ts';
import { AppError } from './errors.ts';

/**
 * A stopping process finishes the writes it can within its grace period and refuses the rest
 * before they begin (SERVICE_UNAVAILABLE, nothing written), rather than having them cut off at the
 * end of it. Writes queue for the database (SQLite takes one at a time): past this moment, one
 * that reaches the front of the queue is refused instead of started.
 */
const refusedFrom = new WeakMap<object, number>();

/** From `at` on, writes through `em` (or any entity manager of its ORM) are refused. */
export function refuseWritesFrom(em: Em, at: number): void {
  // Per ORM (its configuration is shared by every fork), not per process: tests run several apps.
  refusedFrom.set(em.config, at);
}

/** Throws SERVICE_UNAVAILABLE once `em`'s app is past the moment it stops starting writes. */
export function assertWritesAccepted(em: Em): void {
  if (Date.now() >= (refusedFrom.get(em.config) ?? Number.POSITIVE_INFINITY)) {
    throw new AppError('SERVICE_UNAVAILABLE', 'error.restarting', {
      retryAfter: 1,
    });
  }
}
