import { badInput, notFound } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import {
  Follow,
  Handover,
  type HandoverBriefEntry,
  type HandoverReason,
  Member,
  MemberScore,
  Reply,
  StaffMember,
  Thread,
} from '../entities/index.ts';
import type { StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { staffContacts } from './members/list.ts';
import { sentimentOfTotals } from './ranking/model.ts';
import { CLOSED_STATUSES } from './threads.ts';
import { topTopics } from './topics.ts';

/** Customers in one brief at most (the rest are listed in `memberIds`). */
const BRIEF_LIMIT = 500;

/** Who takes what: a successor for each moved row, spread evenly, a customer's threads with them. */
interface Shares {
  threads: Map<string, StaffMember>;
  follows: Map<string, StaffMember>;
  members: Map<string, StaffMember>;
}

/**
 * Moves a leaving staff member's work to one or more successors, in the caller's transaction:
 * their open threads (assignee), the threads they followed (the successor follows them, once), and
 * the customers whose relationship they owned. With several successors the customers are shared
 * out in turn (by name), and each customer's open threads go with them to the same person, so a
 * customer keeps one contact. Writes a Handover per successor with exactly what moved to them and
 * their brief, and audit entries on each side. Their replies stay theirs; nothing is deleted.
 */
export async function handOver(
  scope: Scope,
  em: Em,
  actor: StaffActor,
  from: StaffMember,
  successors: StaffMember[],
  reason: HandoverReason,
): Promise<Handover[]> {
  const shares = await shareOut(em, from, successors);
  const handovers: Handover[] = [];
  for (const to of successors) {
    const mine = (moved: Map<string, StaffMember>) => [...moved].filter(([, s]) => s === to).map(([id]) => id);
    const threadIds = mine(shares.threads);
    if (threadIds.length) await em.nativeUpdate(Thread, { id: { $in: threadIds } }, { assignee: to.id });

    const already = new Set((await em.find(Follow, { staff: to.id }, { fields: ['thread'] })).map((f) => f.thread.id));
    const followedThreadIds = mine(shares.follows).filter((id) => !already.has(id));
    for (const threadId of followedThreadIds) {
      em.create(Follow, { community: scope.communityId, thread: threadId, staff: to.id });
    }
    // The successor's follow replaces the leaver's: follower counts stay as they were.
    await em.nativeDelete(Follow, { staff: from.id, thread: { $in: followedThreadIds } });

    const memberIds = mine(shares.members);
    if (memberIds.length) await em.nativeUpdate(Member, { id: { $in: memberIds } }, { owner: to.id });

    // Everyone the successor now answers to: the customers they own and those waiting in the threads.
    const authors = await em.find(
      Thread,
      { id: { $in: threadIds }, authorMember: { $ne: null } },
      { fields: ['authorMember'] },
    );
    const briefed = [...new Set([...memberIds, ...authors.map((t) => t.authorMember?.id as string)])];
    const handover = em.create(Handover, {
      community: scope.communityId,
      fromStaff: from,
      toStaff: to,
      byStaff: actor.staff,
      reason,
      threadIds,
      followedThreadIds,
      memberIds,
      brief: await handoverBrief(scope, em, briefed.slice(0, BRIEF_LIMIT)),
    });
    const moved = { threads: threadIds.length, follows: followedThreadIds.length, members: memberIds.length };
    const shared = successors.length > 1 ? { sharedWith: successors.map((s) => s.id) } : {};
    recordAudit(em, scope.communityId, actor, {
      action: 'staff.handover',
      targetType: 'StaffMember',
      targetId: from.id,
      after: { to: to.id, reason, handover: handover.id, ...moved, ...shared },
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'staff.inherit',
      targetType: 'StaffMember',
      targetId: to.id,
      after: { from: from.id, reason, handover: handover.id, ...moved, ...shared },
    });
    handovers.push(handover);
  }
  return handovers;
}

async function shareOut(em: Em, from: StaffMember, successors: StaffMember[]): Promise<Shares> {
  let turn = 0;
  const next = () => successors[turn++ % successors.length] as StaffMember;
  const members = new Map<string, StaffMember>();
  const owned = await em.find(
    Member,
    { owner: from.id },
    { fields: ['id'], orderBy: { displayName: 'asc', id: 'asc' } },
  );
  for (const m of owned) members.set(m.id, next());

  const threads = new Map<string, StaffMember>();
  const open = await em.find(
    Thread,
    { assignee: from.id, status: { $nin: [...CLOSED_STATUSES] }, deletedAt: null, mergedInto: null },
    { fields: ['id', 'authorMember'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  // A customer's threads go to whoever takes the customer (if nobody owned them, all to one person).
  const byAuthor = new Map(members);
  for (const t of open) {
    const author = t.authorMember?.id;
    let to = author ? byAuthor.get(author) : undefined;
    if (!to) {
      to = next();
      if (author) byAuthor.set(author, to);
    }
    threads.set(t.id, to);
  }

  const follows = new Map<string, StaffMember>();
  for (const f of await em.find(Follow, { staff: from.id }, { fields: ['thread'], orderBy: { id: 'asc' } })) {
    follows.set(f.thread.id, threads.get(f.thread.id) ?? next());
  }
  return { threads, follows, members };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Per customer: who they are, what they talk about, how they feel, what they still wait for. */
export async function handoverBrief(scope: Scope, em: Em, memberIds: string[]): Promise<HandoverBriefEntry[]> {
  if (memberIds.length === 0) return [];
  const members = await em.find(Member, { id: { $in: memberIds } }, { orderBy: { displayName: 'asc', id: 'asc' } });
  const scores = new Map((await em.find(MemberScore, { member: { $in: memberIds } })).map((s) => [s.member.id, s]));
  const brief: HandoverBriefEntry[] = [];
  for (const member of members) {
    const threads = await em.find(
      Thread,
      { authorMember: member.id, deletedAt: null },
      { fields: ['id', 'title', 'body', 'status', 'waitingSince'], orderBy: { createdAt: 'desc' }, limit: 100 },
    );
    const replies = await em.find(
      Reply,
      { authorMember: member.id, deletedAt: null },
      { fields: ['body'], orderBy: { createdAt: 'desc' }, limit: 100 },
    );
    const contacts = await staffContacts({ ...scope, em }, member.id); // inside the transaction
    const last = contacts[0];
    const score = scores.get(member.id);
    const parts = [
      [
        count(member.threadCount, 'thread', 'threads'),
        count(member.replyCount, 'reply', 'replies'),
        count(member.voteCount, 'vote', 'votes'),
      ].join(', '),
      `member since ${member.firstSeenAt.toISOString().slice(0, 10)}`,
      last
        ? `last answered by ${last.staff.name} on ${last.lastAt.toISOString().slice(0, 10)}`
        : 'never answered by staff yet',
    ];
    brief.push({
      memberId: member.id,
      displayName: member.displayName,
      email: member.email ?? null,
      summary: `${parts.join('; ')}.`,
      facts: {
        threadCount: member.threadCount,
        replyCount: member.replyCount,
        voteCount: member.voteCount,
        memberSince: member.firstSeenAt.toISOString(),
        lastAnswered: last ? { by: last.staff.name, at: last.lastAt.toISOString() } : null,
      },
      topics: topTopics([...threads.map((t) => `${t.title} ${t.body}`), ...replies.map((r) => r.body)]).map(
        (t) => t.word,
      ),
      sentiment: score ? sentimentOfTotals(score) : null,
      openQuestions: threads
        .filter((t) => t.waitingSince && !CLOSED_STATUSES.includes(t.status))
        .map((t) => ({ threadId: t.id, title: t.title, waitingSince: (t.waitingSince as Date).toISOString() })),
    });
  }
  return brief;
}

/**
 * A manager gives a customer's relationship to another staff member (or to nobody: the next staff
 * member who answers them takes it). Audited.
 */
export async function setMemberOwner(
  scope: Scope,
  actor: StaffActor,
  memberId: string,
  ownerId: string | null,
): Promise<Member> {
  return write(scope, async (em) => {
    const member = valid.isUuid(memberId) ? await em.findOne(Member, { id: memberId }) : null;
    if (!member || member.erasedAt) throw notFound('error.notFound.member');
    const owner =
      ownerId === null
        ? null
        : valid.isUuid(ownerId)
          ? await em.findOne(StaffMember, { id: ownerId, active: true })
          : null;
    if (ownerId !== null && !owner) throw badInput('error.chooseActiveStaff', 'ownerId');
    const before = member.owner?.id ?? null;
    member.owner = owner;
    recordAudit(em, scope.communityId, actor, {
      action: 'member.owner',
      targetType: 'Member',
      targetId: member.id,
      before: { owner: before },
      after: { owner: owner?.id ?? null },
    });
    return member;
  });
}

/** The handovers of a community, newest first (staff see them all: the brand's memory). */
export const listHandovers = (scope: Scope, limit = 50) =>
  scope.em.find(Handover, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });

/** One handover by id (null for a malformed id or another community's). */
export function findHandover(scope: Scope, id: string): Promise<Handover | null> {
  return valid.isUuid(id) ? scope.em.findOne(Handover, { id }) : Promise.resolve(null);
}
