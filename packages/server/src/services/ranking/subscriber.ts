import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { createdIn } from '../../db/created.ts';
import type { Em } from '../../db/em.ts';
import { Activity } from '../../entities/index.ts';
import { applyActivities } from './incremental.ts';

/**
 * Every activity written anywhere updates the ranking in the same transaction, right after the
 * flush that inserts it: nothing can record an activity and forget the ranking, and nothing is
 * lost if the process dies (the transaction rolls back whole). A reply writes its rows itself and
 * its score with them (services/reply-write).
 */
export class RankingSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const created = createdIn(uow, Activity);
    if (created.length) await applyActivities(em as Em, created);
  }
}
