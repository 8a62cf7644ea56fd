import { forbidden, notFound } from '../core/errors.ts';
import { findPage, type Page, type PageArgs } from '../core/pagination.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { newId } from '../entities/id.ts';
import { Reply, Thread } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import { type Actor, isStaff, memberIdOf } from './actor.ts';
import { assertNotAmong } from './duplicates.ts';
import { writeOnce } from './idempotency.ts';
import { bumpMemberCounter } from './members/counters.ts';
import { recordMentions } from './mentions.ts';
import { assertCanEdit } from './ownership.ts';
import { applySentimentChange } from './ranking/incremental.ts';
import { readBeforeReply } from './reply-write/read.ts';
import { insertReplyRows } from './reply-write/rows.ts';
import { communityLanguage, languageOfCommunity, readSentiment } from './sentiment.ts';
import { assertCanWrite, lockThread } from './threads.ts';

/** Replies oldest first, as a conversation reads. Hidden replies are shown to staff only. */
export function listReplies(
  scope: Scope,
  viewer: Actor | null,
  threadId: string,
  args: PageArgs,
): Promise<Page<Reply>> {
  // Deleted replies are gone for everyone; hidden ones stay visible to staff (to restore them).
  const where = isStaff(viewer)
    ? { thread: threadId, deletedAt: null }
    : { thread: threadId, hiddenAt: null, deletedAt: null };
  return findPage(scope.em, Reply, where, { createdAt: 'asc', id: 'asc' }, args, 100);
}

export interface NewReply {
  threadId: string;
  body: string;
  /** The client's key for this reply: sending it again returns the same reply (services/idempotency.ts). */
  idempotencyKey?: string | null;
}

export async function postReply(scope: Scope, actor: Actor, input: NewReply): Promise<Reply> {
  assertCanWrite(actor);
  const body = valid.text(input.body, valid.LIMITS.replyBody);
  const once = {
    key: input.idempotencyKey,
    operation: 'reply',
    input: { threadId: input.threadId, body },
    entity: Reply,
  };
  return writeOnce(scope, actor, once, async (em, emit) => {
    const ids = { reply: newId(), activity: newId(), follow: newId() };
    const before = await readBeforeReply(em, { communityId: scope.communityId, actor, threadId: input.threadId, ids });
    const { thread } = before;
    if (thread.lockedAt && !isStaff(actor)) throw forbidden('error.thread.lockedReply');
    assertNotAmong(before.recent, body);
    const feeling = readSentiment(body, languageOfCommunity(before.community));
    const reply = await insertReplyRows(em, {
      ...before,
      actor,
      body,
      sentiment: { score: feeling.score, language: feeling.language },
      ids,
    });
    await recordMentions(em, scope.communityId, thread, reply);
    emit({ type: 'REPLY_ADDED', threadId: thread.id, replyId: reply.id, at: before.now.toISOString() });
    return reply;
  });
}

/** A reply inside a write transaction, with its thread locked (counters change with it). */
async function lockReply(em: Em, actor: Actor, replyId: string): Promise<Reply> {
  const reply = valid.isUuid(replyId) ? await em.findOne(Reply, { id: replyId, deletedAt: null }) : null;
  if (!reply || (reply.hiddenAt && !isStaff(actor))) throw notFound('error.notFound.reply');
  await lockThread(em, actor, reply.thread.id);
  return reply;
}

/** A locked thread's replies no longer change (customers'; staff moderate it). */
async function assertThreadOpenFor(em: Em, actor: Actor, reply: Reply): Promise<void> {
  if (isStaff(actor)) return;
  const thread = await em.findOneOrFail(Thread, { id: reply.thread.id });
  if (thread.lockedAt) throw forbidden('error.thread.lockedReplies');
}

/** The author changes their reply, within the edit window. */
export async function editReply(scope: Scope, actor: Actor, input: { replyId: string; body: string }): Promise<Reply> {
  const body = valid.text(input.body, valid.LIMITS.replyBody);
  return write(scope, async (em, emit) => {
    const reply = await lockReply(em, actor, input.replyId);
    assertCanEdit(actor, reply);
    await assertThreadOpenFor(em, actor, reply);
    reply.body = body;
    reply.editedAt = new Date();
    const before = reply.sentiment;
    const feeling = readSentiment(body, await communityLanguage(em, scope.communityId));
    reply.sentiment = feeling.score;
    reply.sentimentLanguage = feeling.language;
    await applySentimentChange(
      em,
      scope.communityId,
      reply.authorMember?.id ?? null,
      reply.createdAt,
      before,
      reply.sentiment,
    );
    emit({ type: 'REPLY_EDITED', threadId: reply.thread.id, replyId: reply.id, at: reply.editedAt.toISOString() });
    return reply;
  });
}

/** The author deletes their reply, within the edit window; the thread's count follows. */
export async function deleteReply(scope: Scope, actor: Actor, replyId: string): Promise<Reply> {
  return write(scope, async (em, emit) => {
    const reply = await lockReply(em, actor, replyId);
    assertCanEdit(actor, reply);
    reply.deletedAt = new Date();
    const thread = await em.findOneOrFail(Thread, { id: reply.thread.id });
    if (!reply.hiddenAt) thread.replyCount -= 1;
    await bumpMemberCounter(em, memberIdOf(actor), 'replyCount', -1);
    recordActivity(em, scope.communityId, actor, {
      type: 'REPLY_DELETED',
      thread,
      reply,
      subjectMember: reply.authorMember ?? null,
    });
    emit({ type: 'REPLY_REMOVED', threadId: thread.id, replyId: reply.id, at: reply.deletedAt.toISOString() });
    return reply;
  });
}
