import { badInput, notFound } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import { Reply } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import type { StaffActor } from './actor.ts';
import { lockThread } from './threads.ts';

/**
 * Staff mark a customer's reply as helpful: customers see it marked, and it counts toward the
 * author's ranking (once per reply: unmarking takes the mark away, not the credit given).
 */
export async function setReplyHelpful(
  scope: Scope,
  actor: StaffActor,
  replyId: string,
  helpful: boolean,
): Promise<Reply> {
  return write(scope, async (em, emit) => {
    const reply = valid.isUuid(replyId)
      ? await em.findOne(Reply, { id: replyId, deletedAt: null, hiddenAt: null })
      : null;
    if (!reply) throw notFound('error.notFound.reply');
    const thread = await lockThread(em, actor, reply.thread.id);
    if (Boolean(reply.helpfulAt) === helpful) {
      throw badInput(helpful ? 'error.helpful.already' : 'error.helpful.notAlready', 'replyId');
    }
    if (helpful && !reply.authorMember) throw badInput('error.helpful.customersOnly', 'replyId');
    reply.helpfulAt = helpful ? new Date() : null;
    reply.helpfulBy = helpful ? actor.staff : null;
    if (helpful) {
      recordActivity(em, scope.communityId, actor, {
        type: 'REPLY_MARKED_HELPFUL',
        thread,
        reply,
        subjectMember: reply.authorMember,
      });
    }
    emit({ type: 'REPLY_EDITED', threadId: thread.id, replyId: reply.id, at: new Date().toISOString() });
    return reply;
  });
}
