import { ChangeSetType, type FlushEventArgs } from '@mikro-orm/core';

/**
 * The rows a flush inserted (of one entity class, when given): what the subscribers that act in
 * the same transaction (ranking, notifications, webhooks) look at after each flush.
 */
export function createdIn<T>(uow: FlushEventArgs['uow'], entity?: abstract new (...args: never[]) => T): T[] {
  return uow
    .getChangeSets()
    .filter((cs) => cs.type === ChangeSetType.CREATE && (!entity || cs.entity instanceof entity))
    .map((cs) => cs.entity as T);
}
