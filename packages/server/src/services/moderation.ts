import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, conflict, notFound } from '../core/errors.ts';
import { findPage, type Page, type PageArgs } from '../core/pagination.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { Reply, Report, type ReportResolution, Thread } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import type { MemberActor, StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { isAuthor } from './ownership.ts';
import { assertCanWrite, lockThread } from './threads.ts';

const REASON = valid.LIMITS.reason;

/** Moderators hide what breaks the community's rules; it disappears for customers, stays for staff. */
export async function hideThread(
  scope: Scope,
  actor: StaffActor,
  threadId: string,
  reasonText: string,
): Promise<Thread> {
  const reason = valid.line(reasonText, REASON);
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, threadId);
    if (thread.hiddenAt) throw badInput('error.moderation.threadHidden', 'threadId');
    thread.hiddenAt = new Date();
    thread.hiddenReason = reason;
    thread.waitingSince = null;
    recordActivity(em, scope.communityId, actor, { type: 'THREAD_HIDDEN', thread, data: { reason } });
    recordAudit(em, scope.communityId, actor, {
      action: 'thread.hide',
      targetType: 'Thread',
      targetId: thread.id,
      after: { reason },
    });
    await resolveReportsOn(em, actor, { thread: thread.id, reply: null }, 'HIDDEN');
    emit({ type: 'THREAD_REMOVED', threadId: thread.id, at: thread.hiddenAt.toISOString() });
    return thread;
  });
}

export async function restoreThread(scope: Scope, actor: StaffActor, threadId: string): Promise<Thread> {
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, threadId);
    if (!thread.hiddenAt) throw badInput('error.moderation.threadNotHidden', 'threadId');
    const before = { reason: thread.hiddenReason };
    thread.hiddenAt = null;
    thread.hiddenReason = null;
    recordActivity(em, scope.communityId, actor, { type: 'THREAD_RESTORED', thread });
    recordAudit(em, scope.communityId, actor, {
      action: 'thread.restore',
      targetType: 'Thread',
      targetId: thread.id,
      before,
    });
    emit({ type: 'THREAD_EDITED', threadId: thread.id, at: new Date().toISOString() });
    return thread;
  });
}

export async function setThreadLocked(
  scope: Scope,
  actor: StaffActor,
  threadId: string,
  locked: boolean,
): Promise<Thread> {
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, threadId);
    if (Boolean(thread.lockedAt) === locked)
      throw badInput(locked ? 'error.moderation.lockedAlready' : 'error.moderation.notLockedAlready', 'threadId');
    thread.lockedAt = locked ? new Date() : null;
    recordAudit(em, scope.communityId, actor, {
      action: locked ? 'thread.lock' : 'thread.unlock',
      targetType: 'Thread',
      targetId: thread.id,
    });
    emit({ type: 'THREAD_EDITED', threadId: thread.id, at: new Date().toISOString() });
    return thread;
  });
}

async function lockReplyForStaff(
  em: Em,
  actor: StaffActor,
  replyId: string,
): Promise<{ reply: Reply; thread: Thread }> {
  const reply = valid.isUuid(replyId) ? await em.findOne(Reply, { id: replyId, deletedAt: null }) : null;
  if (!reply) throw notFound('error.notFound.reply');
  const thread = await lockThread(em, actor, reply.thread.id);
  return { reply, thread };
}

export async function hideReply(scope: Scope, actor: StaffActor, replyId: string, reasonText: string): Promise<Reply> {
  const reason = valid.line(reasonText, REASON);
  return write(scope, async (em, emit) => {
    const { reply, thread } = await lockReplyForStaff(em, actor, replyId);
    if (reply.hiddenAt) throw badInput('error.moderation.replyHidden', 'replyId');
    reply.hiddenAt = new Date();
    reply.hiddenReason = reason;
    thread.replyCount -= 1;
    recordActivity(em, scope.communityId, actor, {
      type: 'REPLY_HIDDEN',
      thread,
      reply,
      subjectMember: reply.authorMember ?? null,
      data: { reason },
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'reply.hide',
      targetType: 'Reply',
      targetId: reply.id,
      after: { reason },
    });
    await resolveReportsOn(em, actor, { reply: reply.id }, 'HIDDEN');
    emit({ type: 'REPLY_REMOVED', threadId: thread.id, replyId: reply.id, at: reply.hiddenAt.toISOString() });
    return reply;
  });
}

export async function restoreReply(scope: Scope, actor: StaffActor, replyId: string): Promise<Reply> {
  return write(scope, async (em, emit) => {
    const { reply, thread } = await lockReplyForStaff(em, actor, replyId);
    if (!reply.hiddenAt) throw badInput('error.moderation.replyNotHidden', 'replyId');
    const before = { reason: reply.hiddenReason };
    reply.hiddenAt = null;
    reply.hiddenReason = null;
    thread.replyCount += 1;
    recordActivity(em, scope.communityId, actor, {
      type: 'REPLY_RESTORED',
      thread,
      reply,
      subjectMember: reply.authorMember ?? null,
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'reply.restore',
      targetType: 'Reply',
      targetId: reply.id,
      before,
    });
    emit({ type: 'REPLY_ADDED', threadId: thread.id, replyId: reply.id, at: new Date().toISOString() });
    return reply;
  });
}

export interface NewReport {
  threadId: string;
  replyId?: string | null;
  reason: string;
}

/** A customer flags a thread or reply for the moderators; once per person per item. */
export async function reportContent(scope: Scope, actor: MemberActor, input: NewReport): Promise<Report> {
  assertCanWrite(actor);
  const reason = valid.line(input.reason, REASON);
  try {
    return await write(scope, async (em) => {
      const thread = valid.isUuid(input.threadId)
        ? await em.findOne(Thread, { id: input.threadId, deletedAt: null, hiddenAt: null })
        : null;
      if (!thread) throw notFound('error.notFound.thread');
      let reply: Reply | null = null;
      if (input.replyId) {
        reply = valid.isUuid(input.replyId)
          ? await em.findOne(Reply, { id: input.replyId, thread, deletedAt: null, hiddenAt: null })
          : null;
        if (!reply) throw notFound('error.notFound.reply');
      }
      if (isAuthor(actor, reply ?? thread)) {
        throw badInput('error.report.own', 'threadId');
      }
      return em.create(Report, { community: scope.communityId, thread, reply, reporter: actor.member, reason });
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('error.report.already');
    throw error;
  }
}

/** Open reports, oldest first: the moderation queue. */
export function listOpenReports(scope: Scope, args: PageArgs): Promise<Page<Report>> {
  return findPage(scope.em, Report, { resolvedAt: null }, { createdAt: 'asc', id: 'asc' }, args);
}

/** Dismisses a report, or hides what it reports (which resolves every report on it). */
export async function resolveReport(
  scope: Scope,
  actor: StaffActor,
  reportId: string,
  resolution: ReportResolution,
  reason?: string | null,
): Promise<Report> {
  const report = valid.isUuid(reportId) ? await scope.em.findOne(Report, { id: reportId }, { refresh: true }) : null;
  if (!report) throw notFound('error.notFound.report');
  if (report.resolvedAt) throw badInput('error.report.resolved', 'reportId');
  const target = report.reply
    ? await scope.em.findOneOrFail(Reply, { id: report.reply.id }, { refresh: true })
    : await scope.em.findOneOrFail(Thread, { id: report.thread.id }, { refresh: true });
  if (resolution === 'HIDDEN' && !target.hiddenAt) {
    const why = reason || report.reason;
    if (report.reply) await hideReply(scope, actor, report.reply.id, why);
    else await hideThread(scope, actor, report.thread.id, why);
  } else {
    // Dismissed, or hidden meanwhile through another report: this one is settled as it stands.
    const settled = resolution === 'HIDDEN' ? 'HIDDEN' : 'DISMISSED';
    await write(scope, (em) => resolveReportsOn(em, actor, { id: report.id }, settled));
  }
  return scope.em.findOneOrFail(Report, { id: report.id }, { refresh: true });
}

export async function resolveReportsOn(
  em: Em,
  actor: StaffActor,
  which: { id?: string; thread?: string; reply?: string | null },
  resolution: ReportResolution,
): Promise<void> {
  await em.nativeUpdate(
    Report,
    { ...which, resolvedAt: null },
    { resolvedAt: new Date(), resolvedBy: actor.staff.id, resolution },
  );
}
