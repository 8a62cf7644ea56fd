import type { Scope } from '../core/scope.ts';
import { sharedCache } from '../core/shared-cache.ts';
import { Community, StatusChange, Thread, type ThreadStatus } from '../entities/index.ts';
import { outreachSettings } from './outreach-settings.ts';

/** Threads per column: a roadmap is a summary; the list has the rest. */
export const ROADMAP_COLUMN_SIZE = 50;

export interface Roadmap {
  planned: Thread[];
  inProgress: Thread[];
  /** Shipped within the community's window (roadmapShippedDays), most recent first. */
  shipped: Thread[];
}

/**
 * The public roadmap: what the brand plans, builds and recently shipped, most voted first (shipped:
 * newest first). Visible threads only. Kept in the shared cache until the community next changes,
 * like the list's pages, so it is dropped by the same announcements.
 */
export async function roadmap(scope: Scope): Promise<Roadmap | null> {
  const community = await scope.loaders.byId(Community).load(scope.communityId);
  if (!community) return null;
  const { roadmapEnabled, roadmapShippedDays } = outreachSettings(community);
  if (!roadmapEnabled) return null;
  const ids = await sharedCache(scope.events, 'pages').get(
    scope.communityId,
    `roadmap\n${roadmapShippedDays}`,
    async () => {
      const visible = { mergedInto: null, hiddenAt: null, deletedAt: null };
      const column = async (status: ThreadStatus) =>
        (
          await scope.em.find(
            Thread,
            { ...visible, status },
            { orderBy: { voteCount: 'desc', id: 'asc' }, limit: ROADMAP_COLUMN_SIZE, fields: ['id'] },
          )
        ).map((t) => t.id);
      // Shipped within the window: by when it became SHIPPED (its status change), not its last reply.
      const since = new Date(Date.now() - roadmapShippedDays * 86_400_000);
      const changes = await scope.em.find(
        StatusChange,
        { toStatus: 'SHIPPED', createdAt: { $gte: since }, thread: { ...visible, status: 'SHIPPED' } },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: ROADMAP_COLUMN_SIZE * 2, fields: ['thread'] },
      );
      const shipped = [...new Set(changes.map((c) => c.thread.id))].slice(0, ROADMAP_COLUMN_SIZE);
      return { planned: await column('PLANNED'), inProgress: await column('IN_PROGRESS'), shipped };
    },
  );
  const load = async (list: string[]) =>
    (await Promise.all(list.map((id) => scope.loaders.byId(Thread).load(id)))).filter((t): t is Thread => !!t);
  return { planned: await load(ids.planned), inProgress: await load(ids.inProgress), shipped: await load(ids.shipped) };
}
