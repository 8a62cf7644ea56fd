import { createHash } from 'node:crypto';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { AppError } from '../core/errors.ts';
import type { ThreadEvent } from '../core/events.ts';
import { bindEm, type Scope } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import { writeGrouped } from '../core/write-group.ts';
import type { Em } from '../db/em.ts';
import { IdempotencyKey } from '../entities/index.ts';
import { type Actor, isStaff } from './actor.ts';

/** How long a key is remembered: long enough for any client's retries, short enough to stay small. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3_600_000;

/** A write sent with a client's key: which mutation, its input, and what kind of row it returns. */
export interface Once<T extends { id: string }> {
  key: string | null | undefined;
  operation: string;
  input: unknown;
  /** The entity the write returns: a repeat gets the first request's row, as it is now. */
  entity: EntityClass<T>;
}

const actorIdOf = (actor: Actor) => (isStaff(actor) ? actor.staff.id : actor.member.id);
const fingerprintOf = (operation: string, input: unknown) =>
  createHash('sha256')
    .update(`${operation}\n${JSON.stringify(input)}`)
    .digest('hex');

/**
 * A thread, a reply or a vote, committed with the writes sent at the same time (core/write-group.ts),
 * and at most once per key: the key is stored in the write's own transaction, so either both are
 * on disk or neither is. The same request again returns the first result without writing; two
 * copies racing each other are settled by the unique key (the loser returns the winner's result).
 * The same key for a different request is refused, not silently answered.
 */
export async function writeOnce<T extends { id: string }>(
  scope: Scope,
  actor: Actor,
  once: Once<T>,
  work: (em: Em, emit: (event: ThreadEvent) => void) => Promise<T>,
): Promise<T> {
  if (once.key == null) return writeGrouped(scope, work);
  const key = valid.idempotencyKey(once.key);
  const where = { actorId: actorIdOf(actor), key };
  const fingerprint = fingerprintOf(once.operation, once.input);
  const replay = async (em: Em): Promise<T | null> => {
    const seen = await em.findOne(IdempotencyKey, where);
    if (!seen) return null;
    if (seen.operation !== once.operation || seen.fingerprint !== fingerprint) {
      throw new AppError(
        'CONFLICT',
        {
          forDevelopers:
            'This idempotency key was already used for a different request. Use a new key for each new request.',
        },
        { field: 'idempotencyKey' },
      );
    }
    return em.findOneOrFail(once.entity, { id: seen.resultId } as FilterQuery<T>);
  };
  try {
    return await writeGrouped(scope, async (em, emit) => {
      const earlier = await replay(em);
      if (earlier) return earlier;
      const result = await work(em, emit);
      em.create(IdempotencyKey, {
        community: scope.communityId,
        ...where,
        operation: once.operation,
        fingerprint,
        resultId: result.id,
      });
      return result;
    });
  } catch (error) {
    // A copy of this request sent at the same time may have committed first (its key made this one
    // fail, or its row made this one look like a duplicate): answer with its result.
    const earlier = await replay(bindEm(scope.em, scope.communityId)).catch(() => null);
    if (earlier) return earlier;
    throw error;
  }
}

/** Forgets keys older than the retention period; returns how many. */
export async function expireIdempotencyKeys(em: Em, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
  return em.nativeDelete(IdempotencyKey, { createdAt: { $lt: before } }, { filters: { tenant: false } });
}
