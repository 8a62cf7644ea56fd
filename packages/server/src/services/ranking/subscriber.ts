import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { Em } from '../../db/orm.ts';
import { Activity } from '../../entities/index.ts';
import { applyActivities } from './incremental.ts';

/**
 * Every activity written anywhere updates the ranking in the same transaction, right after the
 * flush that inserts it: nothing can record an activity and forget the ranking, and nothing is
 * lost if the process dies (the transaction rolls back whole).
 */
export class RankingSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const created = uow
      .getChangeSets()
      .filter((cs) => cs.type === ChangeSetType.CREATE && cs.entity instanceof Activity)
      .map((cs) => cs.entity as Activity);
    if (created.length) await applyActivities(em as Em, created);
  }
}
