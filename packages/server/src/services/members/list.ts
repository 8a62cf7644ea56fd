import { type FilterQuery, type QueryOrderMap, sql } from '@mikro-orm/core';
import { findPage, type Page, type PageArgs } from '../../core/pagination.ts';
import type { Scope } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { Member, Reply, type StaffMember, Thread } from '../../entities/index.ts';

export const MEMBER_ORDERS = ['LAST_SEEN', 'NEWEST', 'NAME', 'THREADS', 'REPLIES', 'VOTES'] as const;
export type MemberOrder = (typeof MEMBER_ORDERS)[number];

const ORDER_BY: Record<MemberOrder, QueryOrderMap<Member>> = {
  LAST_SEEN: { lastSeenAt: 'desc', id: 'desc' },
  NEWEST: { createdAt: 'desc', id: 'desc' },
  NAME: { displayName: 'asc', id: 'asc' },
  THREADS: { threadCount: 'desc', id: 'desc' },
  REPLIES: { replyCount: 'desc', id: 'desc' },
  VOTES: { voteCount: 'desc', id: 'desc' },
};

export interface MemberListArgs extends PageArgs {
  search?: string | null;
  orderBy?: MemberOrder | null;
}

/** The community's customers, for staff: searchable by name or e-mail, sortable by activity. */
export function listMembers(scope: Scope, args: MemberListArgs): Promise<Page<Member>> {
  const where: FilterQuery<Member>[] = [{ erasedAt: null }];
  const search = args.search
    ? valid
        .text(args.search, valid.LIMITS.search)
        .toLowerCase()
        .replace(/[%_\\]/g, '')
    : '';
  if (search) {
    const name = sql.lower((alias) => `${alias}.display_name`);
    const email = sql.lower((alias) => `${alias}.email`);
    where.push({
      $or: [{ [name]: { $like: `%${search}%` } }, { [email]: { $like: `%${search}%` } }],
    } as FilterQuery<Member>);
  }
  return findPage(scope.em, Member, { $and: where }, ORDER_BY[args.orderBy ?? 'LAST_SEEN'], args);
}

export function findMember(scope: Scope, id: string): Promise<Member | null> {
  return valid.isUuid(id) ? scope.loaders.byId(Member).load(id) : Promise.resolve(null);
}

/** The customer the brand knows by `externalId` (not an erased one, whose id is gone). */
export function findMemberByExternalId(scope: Scope, externalId: string): Promise<Member | null> {
  if (externalId.length > valid.SERVER_LIMITS.externalId.max) return Promise.resolve(null);
  return scope.em.findOne(Member, { externalId, erasedAt: null });
}

export interface StaffContact {
  staff: StaffMember;
  /** Replies this staff member wrote in the member's conversations. */
  replies: number;
  firstAt: Date;
  lastAt: Date;
}

/** The threads a member started or took part in (the conversations staff had with them). */
async function conversationsOf(scope: Scope, memberId: string): Promise<string[]> {
  const em = scope.em;
  const authored = await em.find(Thread, { authorMember: memberId, deletedAt: null }, { fields: ['id'], limit: 500 });
  const repliedIn = await em.find(
    Reply,
    { authorMember: memberId, deletedAt: null },
    { fields: ['thread'], limit: 1000 },
  );
  return [...new Set([...authored.map((t) => t.id), ...repliedIn.map((r) => r.thread.id)])];
}

/**
 * Who from the brand has talked with this person, and when: staff replies in the threads the
 * member started or took part in. The core of the relationship brief.
 */
export async function staffContacts(scope: Scope, memberId: string): Promise<StaffContact[]> {
  const threadIds = await conversationsOf(scope, memberId);
  if (!threadIds.length) return [];
  const staffReplies = await scope.em.find(
    Reply,
    { thread: { $in: threadIds }, authorStaff: { $ne: null }, deletedAt: null },
    { fields: ['authorStaff', 'createdAt'], populate: ['authorStaff'], orderBy: { createdAt: 'asc' } },
  );
  const contacts = new Map<string, StaffContact>();
  for (const reply of staffReplies) {
    const staff = reply.authorStaff as StaffMember;
    const contact = contacts.get(staff.id);
    if (contact) {
      contact.replies++;
      contact.lastAt = reply.createdAt;
    } else contacts.set(staff.id, { staff, replies: 1, firstAt: reply.createdAt, lastAt: reply.createdAt });
  }
  return [...contacts.values()].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
}

/**
 * Every staff contact with this person, newest first: each staff reply (who, when, in which
 * thread) in their conversations. Kept when the staff member leaves; it is the brand's memory.
 */
export async function contactHistory(scope: Scope, memberId: string, limit: number): Promise<Reply[]> {
  const threadIds = await conversationsOf(scope, memberId);
  if (!threadIds.length) return [];
  return scope.em.find(
    Reply,
    { thread: { $in: threadIds }, authorStaff: { $ne: null }, deletedAt: null },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit },
  );
}

/** The threads a member started, newest first. */
export function memberThreads(scope: Scope, memberId: string, args: PageArgs): Promise<Page<Thread>> {
  return findPage(
    scope.em,
    Thread,
    { authorMember: memberId, deletedAt: null },
    { createdAt: 'desc', id: 'desc' },
    args,
  );
}
