import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { createdIn } from '../../db/created.ts';
import type { Em } from '../../db/em.ts';
import { Activity } from '../../entities/index.ts';
import { applyActivities } from './incremental.ts';

/**
 * Every activity a flush inserts updates the ranking in the same transaction, right after that
 * flush: nothing written through the unit of work can record an activity and forget the ranking,
 * and nothing is lost if the process dies (the transaction rolls back whole). A reply writes its
 * rows as SQL, its score with them (services/reply-write/rows.ts; reply-concurrency.test.ts checks
 * it against a full recompute).
 */
export class RankingSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const created = createdIn(uow, Activity);
    if (created.length) await applyActivities(em as Em, created);
  }
}
