import { newId } from '../../../entities/id.ts';

type Execute = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Notifications became rows of their own (close-the-loop issue); before, a member's were computed
 * from the activity log on the threads they follow. This writes those rows for what happened
 * before, so nobody's notifications disappear: each reply and status change by someone else on a
 * thread a member followed, after they followed it.
 */
export async function backfillNotifications(execute: Execute): Promise<void> {
  const rows = await execute(
    `select f.member_id, a.community_id, a.id as activity_id, a.type, a.thread_id, a.reply_id,
            a.actor_member_id, a.actor_staff_id, a.created_at, a.data
       from follow f join activity a on a.thread_id = f.thread_id and a.created_at > f.created_at
      where f.member_id is not null and a.type in ('REPLY_POSTED', 'STATUS_CHANGED')
        and (a.actor_member_id is null or a.actor_member_id <> f.member_id)`,
  );
  if (rows.length === 0) return;
  // A status change's activity did not name it: it is the change of that thread to that status
  // made in the same transaction (the closest in time).
  const changes = await execute('select id, thread_id, to_status, created_at from status_change');
  const time = (value: unknown) => new Date(value as string | number | Date).getTime();
  const changeOf = (row: Record<string, unknown>): string | null => {
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : (row.data ?? {});
    let best: { id: string; gap: number } | null = null;
    for (const change of changes) {
      if (change.thread_id !== row.thread_id || change.to_status !== data.to) continue;
      const gap = Math.abs(time(change.created_at) - time(row.created_at));
      if (!best || gap < best.gap) best = { id: String(change.id), gap };
    }
    return best?.id ?? null;
  };
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const values = part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const params = part.flatMap((row) => [
      newId(),
      row.community_id,
      row.member_id,
      row.type === 'REPLY_POSTED' ? 'REPLY' : 'STATUS_CHANGED',
      `activity:${row.activity_id}`,
      row.thread_id,
      row.reply_id ?? null,
      row.type === 'STATUS_CHANGED' ? changeOf(row) : null,
      row.actor_member_id ?? null,
      row.actor_staff_id ?? null,
      row.created_at,
    ]);
    await execute(
      `insert into notification (id, community_id, member_id, kind, dedupe_key, thread_id, reply_id, status_change_id, actor_member_id, actor_staff_id, created_at) values ${values}`,
      params,
    );
  }
}
