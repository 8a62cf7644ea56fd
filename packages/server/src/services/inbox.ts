import type { FilterQuery } from '@mikro-orm/core';
import { findPage, type Page, type PageArgs } from '../core/pagination.ts';
import type { Scope } from '../core/scope.ts';
import { Mention, Thread, type ThreadKind, type ThreadStatus } from '../entities/index.ts';
import type { StaffActor } from './actor.ts';

export interface InboxFilters extends PageArgs {
  kind?: ThreadKind[] | null;
  status?: ThreadStatus[] | null;
  /** Only threads assigned to the viewer. */
  assignedToMe?: boolean | null;
  /** Only threads whose replies mention the viewer with "@Name". */
  mentionsMe?: boolean | null;
}

/**
 * The staff inbox: threads where a customer is waiting for the brand, the longest wait first.
 * A thread leaves it when staff answer, and comes back when the customer writes again.
 */
export async function listInbox(scope: Scope, staff: StaffActor, filters: InboxFilters): Promise<Page<Thread>> {
  const where: FilterQuery<Thread>[] = [
    { waitingSince: { $ne: null }, deletedAt: null, hiddenAt: null, mergedInto: null },
  ];
  if (filters.kind?.length) where.push({ kind: { $in: filters.kind } });
  if (filters.status?.length) where.push({ status: { $in: filters.status } });
  if (filters.assignedToMe) where.push({ assignee: staff.staff.id });
  if (filters.mentionsMe) {
    const mentions = await scope.em.find(Mention, { staff: staff.staff.id }, { fields: ['thread'] });
    where.push({ id: { $in: [...new Set(mentions.map((m) => m.thread.id))] } });
  }
  return findPage(scope.em, Thread, { $and: where }, { waitingSince: 'asc', id: 'asc' }, filters);
}
