import { badInput, notFound } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import { Member, Reply, Thread } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import type { StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { resolveReportsOn } from './moderation.ts';

export interface SuspensionChange {
  suspended: boolean;
  reason?: string | null;
  /**
   * Suspending: also hide everything they wrote that is still shown (the spam goes with the
   * spammer). Lifting: show again what the suspension hid. Default false and true.
   */
  content?: boolean | null;
}

/**
 * A suspended member still reads, but cannot post, reply or vote, and leaves the ranking. What a
 * suspension hides is stamped with the suspension's own time, so lifting it shows exactly that
 * again (not what moderators hid for other reasons). A suspended guest's address and browser are
 * limited in starting new guest sessions (services/guest-origin.ts). Audited.
 */
export async function setMemberSuspended(
  scope: Scope,
  actor: StaffActor,
  memberId: string,
  change: SuspensionChange,
): Promise<Member> {
  const { suspended } = change;
  const reason = suspended ? valid.line(change.reason ?? '', valid.LIMITS.reason) : null;
  return write(scope, async (em, emit) => {
    const member = valid.isUuid(memberId) ? await em.findOne(Member, { id: memberId }) : null;
    if (!member) throw notFound('error.notFound.member');
    if (Boolean(member.suspendedAt) === suspended)
      throw badInput(suspended ? 'error.suspension.already' : 'error.suspension.notAlready', 'memberId');
    const before = { suspended: !suspended, reason: member.suspendedReason };
    const stamp = suspended ? new Date() : (member.suspendedAt as Date);
    const threads = await em.find(Thread, {
      authorMember: member,
      deletedAt: null,
      hiddenAt: suspended ? null : stamp,
    });
    const replies = await em.find(
      Reply,
      { authorMember: member, deletedAt: null, hiddenAt: suspended ? null : stamp },
      { populate: ['thread'] },
    );
    const touchContent = suspended ? change.content === true : change.content !== false;
    if (touchContent) {
      for (const thread of threads) {
        thread.hiddenAt = suspended ? stamp : null;
        thread.hiddenReason = suspended ? `Suspended: ${reason}` : null;
        if (suspended) thread.waitingSince = null;
        recordActivity(em, scope.communityId, actor, { type: suspended ? 'THREAD_HIDDEN' : 'THREAD_RESTORED', thread });
        emit({
          type: suspended ? 'THREAD_REMOVED' : 'THREAD_EDITED',
          threadId: thread.id,
          at: new Date().toISOString(),
        });
        if (suspended) await resolveReportsOn(em, actor, { thread: thread.id, reply: null }, 'HIDDEN');
      }
      for (const reply of replies) {
        reply.hiddenAt = suspended ? stamp : null;
        reply.hiddenReason = suspended ? `Suspended: ${reason}` : null;
        reply.thread.replyCount += suspended ? -1 : 1;
        recordActivity(em, scope.communityId, actor, {
          type: suspended ? 'REPLY_HIDDEN' : 'REPLY_RESTORED',
          thread: reply.thread,
          reply,
          subjectMember: member,
        });
        emit({
          type: suspended ? 'REPLY_REMOVED' : 'REPLY_ADDED',
          threadId: reply.thread.id,
          replyId: reply.id,
          at: new Date().toISOString(),
        });
        if (suspended) await resolveReportsOn(em, actor, { reply: reply.id }, 'HIDDEN');
      }
    }
    member.suspendedAt = suspended ? stamp : null;
    member.suspendedReason = reason;
    const content = touchContent ? { threads: threads.length, replies: replies.length } : null;
    recordAudit(em, scope.communityId, actor, {
      action: suspended ? 'member.suspend' : 'member.unsuspend',
      targetType: 'Member',
      targetId: member.id,
      before,
      after: { suspended, reason, ...(content ? { [suspended ? 'hidden' : 'shownAgain']: content } : {}) },
    });
    return member;
  });
}
