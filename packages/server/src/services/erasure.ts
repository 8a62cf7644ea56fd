import { badInput } from '../core/errors.ts';
import { bindEm, type Scope, write } from '../core/scope.ts';
import type { Em } from '../db/em.ts';
import {
  AskAnswer,
  Community,
  ConsentRecord,
  Follow,
  Member,
  OutboxMessage,
  Reply,
  Report,
  Thread,
  Vote,
} from '../entities/index.ts';
import type { MemberActor, StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export const DEFAULT_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

/** A community's rules for deleted accounts, with the defaults filled in. */
export function privacySettings(community: Pick<Community, 'settings'>) {
  const p = community.settings.privacy ?? {};
  return {
    deletionGraceDays: p.deletionGraceDays ?? DEFAULT_GRACE_DAYS,
    erasedContent: p.erasedContent ?? ('KEEP' as const),
  };
}

/**
 * A member asks to delete their account: it is erased after the community's grace period
 * (default 7 days), unless they cancel before. Asking again changes nothing.
 */
export async function requestDeletion(scope: Scope, actor: MemberActor): Promise<Member> {
  return write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    if (member.deletionDueAt) return member;
    const community = await em.findOneOrFail(Community, { id: scope.communityId });
    const now = new Date();
    member.deletionRequestedAt = now;
    member.deletionDueAt = new Date(now.getTime() + privacySettings(community).deletionGraceDays * DAY_MS);
    recordAudit(em, scope.communityId, actor, {
      action: 'member.deletion-requested',
      targetType: 'Member',
      targetId: member.id,
      after: { dueAt: member.deletionDueAt.toISOString() },
    });
    return member;
  });
}

export async function cancelDeletion(scope: Scope, actor: MemberActor): Promise<Member> {
  return write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    if (!member.deletionDueAt) throw badInput('error.erasure.nothingToCancel');
    member.deletionRequestedAt = null;
    member.deletionDueAt = null;
    recordAudit(em, scope.communityId, actor, {
      action: 'member.deletion-cancelled',
      targetType: 'Member',
      targetId: member.id,
    });
    return member;
  });
}

/**
 * Erases a member's personal data, in the caller's transaction: name, address, picture, the
 * brand's id for them, their sign-in, referral code and pending emails go; their threads and
 * replies stay as "Deleted member" or are removed, as the community chose; their votes are taken
 * off them but stay in the counts; the consent ledger stays (it proves what they agreed to). An
 * audit entry (and the member.erased webhook) records it. Nothing else is deleted.
 */
export async function eraseMember(em: Em, communityId: string, memberId: string, reason: string): Promise<void> {
  const member = await em.findOne(Member, { id: memberId, erasedAt: null });
  if (!member) return;
  const community = await em.findOneOrFail(Community, { id: communityId });
  const { erasedContent } = privacySettings(community);
  const now = new Date();
  let removed = { threads: 0, replies: 0 };
  if (erasedContent === 'REMOVE') removed = await removeContent(em, member.id, now);
  const votes = await em.nativeDelete(Vote, { member: member.id });
  // Their answers to asks go too: what they wrote, and what they chose as who they are.
  await em.nativeDelete(AskAnswer, { member: member.id });
  const follows = await em.find(Follow, { member: member.id }, { populate: ['thread'] });
  for (const follow of follows) follow.thread.followerCount -= 1;
  await em.nativeDelete(Follow, { member: member.id });
  await em.nativeUpdate(
    OutboxMessage,
    { member: member.id, status: 'PENDING' },
    { status: 'SKIPPED', lastError: 'the member was erased' },
  );
  em.assign(member, {
    displayName: 'Deleted member',
    email: null,
    avatarUrl: null,
    externalId: null,
    guestTokenHash: null,
    joinedFromHash: null,
    browserHash: null,
    shareAddressHash: null,
    referralCode: null,
    attributes: null,
    owner: null,
    erasedAt: now,
    deletionDueAt: null,
  });
  recordAudit(em, communityId, null, {
    action: 'member.erase',
    targetType: 'Member',
    targetId: member.id,
    after: { reason, content: erasedContent, ...removed, votesKeptAsCounts: votes },
  });
}

/** REMOVE: their threads and replies are deleted (as if they had deleted them); counts follow. */
async function removeContent(em: Em, memberId: string, now: Date) {
  const replies = await em.find(Reply, { authorMember: memberId, deletedAt: null }, { populate: ['thread'] });
  for (const reply of replies) {
    if (!reply.hiddenAt) reply.thread.replyCount -= 1;
    reply.deletedAt = now;
  }
  const threads = await em.find(Thread, { authorMember: memberId, deletedAt: null });
  for (const thread of threads) thread.deletedAt = now;
  return { threads: threads.length, replies: replies.length };
}

/** Erases every member whose grace period has passed (a poller calls it; any process may). */
export async function eraseDue(em: Em, now = new Date()): Promise<number> {
  const due = await em
    .fork()
    .find(
      Member,
      { deletionDueAt: { $lte: now }, erasedAt: null },
      { filters: { tenant: false }, fields: ['id', 'community'], limit: 100 },
    );
  for (const m of due) {
    await bindEm(em, m.community.id).transactional((tx) =>
      eraseMember(tx, m.community.id, m.id, 'the grace period of a deletion ended'),
    );
  }
  return due.length;
}

/**
 * Everything Rapport holds about a member, as one JSON document they can download: their
 * profile, what they wrote and voted for, what they follow, their consents, their reports.
 */
export async function exportMemberData(scope: Scope, memberId: string): Promise<Record<string, unknown>> {
  const em = scope.em;
  const m = await em.findOneOrFail(Member, { id: memberId });
  const community = await em.findOneOrFail(Community, { id: scope.communityId });
  const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
  const threads = await em.find(Thread, { authorMember: memberId }, { orderBy: { createdAt: 'asc' } });
  const replies = await em.find(
    Reply,
    { authorMember: memberId },
    { orderBy: { createdAt: 'asc' }, populate: ['thread'] },
  );
  const votes = await em.find(Vote, { member: memberId }, { orderBy: { createdAt: 'asc' }, populate: ['thread'] });
  const follows = await em.find(Follow, { member: memberId }, { orderBy: { createdAt: 'asc' }, populate: ['thread'] });
  const consents = await em.find(ConsentRecord, { member: memberId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const reports = await em.find(Report, { reporter: memberId }, { orderBy: { createdAt: 'asc' } });
  const answers = await em.find(AskAnswer, { member: memberId }, { orderBy: { createdAt: 'asc' }, populate: ['ask'] });
  return {
    format: 'rapport-member-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    community: { slug: community.slug, name: community.name },
    member: {
      id: m.id,
      kind: m.kind,
      displayName: m.displayName,
      email: m.email ?? null,
      avatarUrl: m.avatarUrl ?? null,
      externalId: m.externalId ?? null,
      attributes: m.attributes ?? null,
      emailDigest: m.emailDigest,
      firstSeenAt: iso(m.firstSeenAt),
      lastSeenAt: iso(m.lastSeenAt),
      deletionDueAt: iso(m.deletionDueAt),
    },
    threads: threads.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      body: t.body,
      status: t.status,
      createdAt: iso(t.createdAt),
      deletedAt: iso(t.deletedAt),
    })),
    replies: replies.map((r) => ({
      id: r.id,
      threadId: r.thread.id,
      threadTitle: r.thread.title,
      body: r.body,
      createdAt: iso(r.createdAt),
      deletedAt: iso(r.deletedAt),
    })),
    votes: votes.map((v) => ({ threadId: v.thread.id, threadTitle: v.thread.title, createdAt: iso(v.createdAt) })),
    follows: follows.map((f) => ({ threadId: f.thread.id, threadTitle: f.thread.title, createdAt: iso(f.createdAt) })),
    askAnswers: answers.map((a) => ({
      askId: a.ask.id,
      question: a.ask.question,
      choices: a.choices.map((c) => a.ask.choices[c] ?? null),
      text: a.text ?? null,
      answeredAt: iso(a.updatedAt),
    })),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      granted: c.granted,
      source: c.source,
      textShown: c.textShown,
      at: iso(c.createdAt),
    })),
    reports: reports.map((r) => ({
      threadId: r.thread.id,
      replyId: r.reply?.id ?? null,
      reason: r.reason,
      createdAt: iso(r.createdAt),
    })),
  };
}

/** Managers: the grace period (1–90 days) and what happens to an erased member's posts. Audited. */
export async function updatePrivacySettings(
  scope: Scope,
  actor: StaffActor,
  change: { deletionGraceDays?: number | null; erasedContent?: 'KEEP' | 'REMOVE' | null },
): Promise<ReturnType<typeof privacySettings>> {
  if (
    change.deletionGraceDays != null &&
    (!Number.isInteger(change.deletionGraceDays) || change.deletionGraceDays < 1 || change.deletionGraceDays > 90)
  ) {
    throw badInput('error.erasure.graceDays', 'deletionGraceDays');
  }
  return write(scope, async (em) => {
    const community = await em.findOneOrFail(Community, { id: scope.communityId });
    const before = privacySettings(community);
    const after = {
      deletionGraceDays: change.deletionGraceDays ?? before.deletionGraceDays,
      erasedContent: change.erasedContent ?? before.erasedContent,
    };
    community.settings = { ...community.settings, privacy: after };
    recordAudit(em, scope.communityId, actor, {
      action: 'community.privacy',
      targetType: 'Community',
      targetId: community.id,
      before,
      after,
    });
    return after;
  });
}
