import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { Loaders } from '../core/loaders.ts';
import { findPage, type Page, type PageArgs } from '../core/pagination.ts';
import { bindEm, type Scope } from '../core/scope.ts';
import { sharedCache } from '../core/shared-cache.ts';
import { Member, StaffMember, Thread, type ThreadKind, type ThreadStatus } from '../entities/index.ts';
import { type Actor, isStaff } from './actor.ts';
import { threadsMatching } from './search/find.ts';
import { visibleTo } from './threads.ts';

export const THREAD_ORDERS = ['TOP', 'NEW', 'TRENDING', 'UNANSWERED'] as const;
export type ThreadOrder = (typeof THREAD_ORDERS)[number];

/** Every order ends in the id so that it is total and cursors are stable. */
const ORDER_BY: Record<ThreadOrder, QueryOrderMap<Thread>> = {
  TOP: { voteCount: 'desc', createdAt: 'desc', id: 'desc' },
  NEW: { createdAt: 'desc', id: 'desc' },
  TRENDING: { trendingScore: 'desc', id: 'desc' },
  UNANSWERED: { createdAt: 'desc', id: 'desc' },
};

export interface ThreadListArgs extends PageArgs {
  orderBy?: ThreadOrder | null;
  status?: ThreadStatus[] | null;
  kind?: ThreadKind[] | null;
  search?: string | null;
}

/** A page of threads with their authors, as every viewer of the same kind sees it. */
interface Listing {
  page: Page<Thread>;
  authors: { members: Member[]; staff: StaffMember[] };
}

/**
 * A page of a community's threads. Every visitor of the widget asks for the same first pages, so
 * a page and its authors are kept in the process's shared cache until the community next changes
 * (core/shared-cache.ts), and the request's loaders are primed with the authors: a cached page
 * costs no query. Only whether the viewer is staff (who also see hidden threads) changes what a
 * page holds; what differs per viewer (their votes) is loaded per request.
 */
export async function listThreads(scope: Scope, viewer: Actor | null, args: ThreadListArgs): Promise<Page<Thread>> {
  const staff = isStaff(viewer);
  const key = JSON.stringify([
    'threads',
    staff,
    args.orderBy ?? 'TOP',
    args.status ?? null,
    args.kind ?? null,
    args.search ?? null,
    args.first ?? null,
    args.after ?? null,
  ]);
  const listing = await sharedCache(scope.events).get(scope.communityId, key, () => loadListing(scope, viewer, args));
  scope.loaders.prime(Member, listing.authors.members);
  scope.loaders.prime(StaffMember, listing.authors.staff);
  return listing.page;
}

/**
 * Loads a listing on an entity manager of its own: the entities it holds outlive the request and
 * are shared, so no request's unit of work may ever track (and change) them.
 */
async function loadListing(scope: Scope, viewer: Actor | null, args: ThreadListArgs): Promise<Listing> {
  const em = bindEm(scope.em, scope.communityId);
  const order = args.orderBy ?? 'TOP';
  const where: FilterQuery<Thread>[] = [visibleTo(viewer)];
  if (order === 'UNANSWERED') where.push({ firstStaffReplyAt: null });
  if (args.status?.length) where.push({ status: { $in: args.status } });
  if (args.kind?.length) where.push({ kind: { $in: args.kind } });
  if (args.search) {
    const found = await threadsMatching({ ...scope, em }, args.search, { status: args.status, kind: args.kind });
    if (found) where.push({ id: { $in: found } });
  }
  const page = await findPage(em, Thread, { $and: where }, ORDER_BY[order], args);

  // Each kind of author in one batch (none when the page has none of that kind); a failure fails the load.
  const loaders = new Loaders(em);
  const authors = async <T extends { id: string }>(
    entity: EntityClass<T>,
    pick: (thread: Thread) => { id: string } | null | undefined,
  ) => {
    const rows = await Promise.all(
      page.items.flatMap((thread) => pick(thread)?.id ?? []).map((id) => loaders.byId(entity).load(id)),
    );
    return rows.filter((row) => row != null) as T[];
  };
  const [members, staff] = await Promise.all([
    authors(Member, (thread) => thread.authorMember),
    authors(StaffMember, (thread) => thread.authorStaff),
  ]);
  // Cursors are computed once, not for every request that reads the page.
  const cursors = new Map(page.items.map((thread) => [thread, page.cursorOf(thread)]));
  return {
    page: { ...page, cursorOf: (thread) => cursors.get(thread) ?? page.cursorOf(thread) },
    authors: { members, staff },
  };
}
