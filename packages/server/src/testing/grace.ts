import { openOrm } from '../db/orm.ts';
import { Member } from '../entities/index.ts';

/**
 * Lets a week pass for the end-to-end tests: every pending account deletion (asked for by the
 * member or scheduled by a clean-up) becomes due now, so the server's erasure job takes it on its
 * next round. Returns how many members it moved.
 */
export async function endGracePeriods(databaseUrl: string): Promise<number> {
  const orm = await openOrm({ databaseUrl });
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
