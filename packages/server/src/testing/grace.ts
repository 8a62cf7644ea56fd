import { openOrm } from '../db/orm.ts';
import { Activity, Member } from '../entities/index.ts';
import { domainSubscribers } from '../services/subscribers.ts';

/**
 * Lets a week pass for the end-to-end tests: every pending account deletion (asked for by the
 * member or scheduled by a clean-up) becomes due now, so the server's erasure job takes it on its
 * next round. Returns how many members it moved.
 */
export async function endGracePeriods(databaseUrl: string): Promise<number> {
  const orm = await openOrm({ databaseUrl, subscribers: domainSubscribers() });
  try {
    return await orm.em
      .fork()
      .nativeUpdate(
        Member,
        { deletionDueAt: { $ne: null }, erasedAt: null },
        { deletionDueAt: new Date(Date.now() - 1000) },
        { filters: false },
      );
  } finally {
    await orm.close();
  }
}

/**
 * Lets members go quiet for the end-to-end tests: everyone was last seen, and everything they did
 * happened, `days` ago (clean-up rules leave alone whoever took part more recently).
 */
export async function letMembersGoQuiet(databaseUrl: string, days: number): Promise<void> {
  const orm = await openOrm({ databaseUrl, subscribers: domainSubscribers() });
  const then = new Date(Date.now() - days * 86_400_000);
  try {
    const em = orm.em.fork();
    await em.nativeUpdate(Member, { erasedAt: null }, { lastSeenAt: then }, { filters: false });
    await em.nativeUpdate(Activity, { actorMember: { $ne: null } }, { createdAt: then }, { filters: false });
  } finally {
    await orm.close();
  }
}
