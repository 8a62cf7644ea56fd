import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import EmailReplyParser from 'email-reply-parser';
import { type AddressObject, simpleParser } from 'mailparser';
import { AppError } from '../../core/errors.ts';
import type { EventBus } from '../../core/events.ts';
import { openScope } from '../../core/scope.ts';
import type { Em } from '../../db/em.ts';
import { newId } from '../../entities/id.ts';
import { InboundEmail, Member, OutboxMessage, ReplyAddress, Thread } from '../../entities/index.ts';
import type { MemberActor } from '../actor.ts';
import { postReply } from '../replies.ts';
import { codeOfAddress } from './reply-address.ts';

/** The most an inbound email may weigh (a reply is a few kilobytes; attachments are not kept). */
export const MAX_INBOUND_BYTES = 2 * 1024 * 1024;

export type InboundOutcome =
  | { outcome: 'POSTED'; replyId: string }
  | { outcome: 'DUPLICATE'; replyId: string | null }
  | { outcome: 'REFUSED'; reason: string; bounced: boolean };

export interface InboundOptions {
  /** Who the message was delivered to (SMTP's RCPT TO); read from its headers when absent. */
  recipients?: string[];
  /** Only addresses of this community are accepted (the HTTP endpoint of one community). */
  communityId?: string;
  /** Applies the reply rate limit to the member (the app's limiter); throws RATE_LIMITED. */
  limit?: (memberId: string) => Promise<void>;
  /**
   * Tell the member by email why a message was refused (the HTTP endpoint: a mail provider does
   * not bounce). Over SMTP the refusal is the answer, and the sending server bounces it.
   */
  bounceByEmail?: boolean;
}

const noTenant = { filters: { tenant: false } } as const;

/** The reply address a message was sent to, among its recipients. */
export async function findReplyAddress(em: Em, recipients: string[]): Promise<ReplyAddress | null> {
  for (const recipient of recipients) {
    const code = codeOfAddress(recipient);
    if (!code) continue;
    const address = await em.findOne(ReplyAddress, { code }, noTenant);
    if (address) return address;
  }
  return null;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));

/**
 * The part of an email that is the member's answer: its text, without the quoted message it
 * answers or a signature (email-reply-parser, GitHub's rules), and without trailing blank lines.
 */
export function visibleReply(text: string): string {
  return new EmailReplyParser().read(text.replace(/\r\n/g, '\n')).getVisibleText().trim();
}

/**
 * A member's answer by email to a notification about a thread: posted as their reply there, under
 * every rule a reply in the widget meets (suspension, a locked thread, length, duplicates, rate
 * limits). A message is posted once however often it is delivered (by its Message-ID). Anything
 * refused is said in `reason`, in words for the sender; the caller tells them (SMTP answers the
 * sending server, which bounces it; the HTTP endpoint emails the member: `bounced`).
 */
export async function receiveReplyEmail(
  em: Em,
  events: EventBus,
  raw: Buffer,
  options: InboundOptions = {},
): Promise<InboundOutcome> {
  if (raw.length > MAX_INBOUND_BYTES) {
    return { outcome: 'REFUSED', reason: 'The email is too large: reply with text only.', bounced: false };
  }
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch {
    return { outcome: 'REFUSED', reason: 'The email could not be read.', bounced: false };
  }
  const recipients = options.recipients ?? [...addresses(parsed.to), ...addresses(parsed.cc)];
  const address = await findReplyAddress(em, recipients);
  if (!address || (options.communityId && address.community.id !== options.communityId)) {
    return { outcome: 'REFUSED', reason: 'This reply address is not known here.', bounced: false };
  }
  const communityId = address.community.id;
  const messageId =
    parsed.messageId?.slice(0, 250) ?? `<${createHash('sha256').update(raw).digest('hex')}@no-message-id>`;
  const seen = await em.findOne(InboundEmail, { community: communityId, messageId }, noTenant);
  if (seen) return { outcome: 'DUPLICATE', replyId: seen.reply?.id ?? null };

  const member = await em.findOneOrFail(Member, { id: address.member.id }, noTenant);
  const thread = await em.findOneOrFail(Thread, { id: address.thread.id }, noTenant);
  const refuse = async (reason: string): Promise<InboundOutcome> => {
    const bounce = !!options.bounceByEmail && !!member.email && !member.erasedAt;
    const recorded = await record(em, { communityId, messageId, member, thread, reason, bounce });
    return { outcome: 'REFUSED', reason, bounced: bounce && recorded };
  };
  const from = addresses(parsed.from)[0]?.toLowerCase();
  // The address alone is a secret sent to one person; the sender must also be that person.
  if (!member.email || member.erasedAt || from !== member.email.toLowerCase()) {
    return refuse(`Reply from the address this email was sent to (${member.email ?? 'none'}).`);
  }
  const text = parsed.text ?? (typeof parsed.html === 'string' ? parsed.html.replace(/<[^>]*>/g, ' ') : '');
  const body = visibleReply(text);
  if (!body) return refuse('We could not find your answer in the email: write it above the quoted message.');

  const scope = openScope(em, communityId, events);
  const actor: MemberActor = { kind: member.kind === 'SSO' ? 'CUSTOMER' : 'GUEST', communityId, member };
  try {
    await options.limit?.(member.id);
    // Keyed by the message, so a delivery racing another (or one after a crash) posts once.
    const key = `email.${createHash('sha256').update(messageId).digest('hex').slice(0, 40)}`;
    const reply = await postReply(scope, actor, { threadId: thread.id, body, idempotencyKey: key });
    await record(em, { communityId, messageId, member, thread, replyId: reply.id });
    return { outcome: 'POSTED', replyId: reply.id };
  } catch (error) {
    if (error instanceof AppError && error.code !== 'SERVICE_UNAVAILABLE') return refuse(error.message);
    throw error;
  }
}

/**
 * Keeps the message's outcome (what makes a second delivery a duplicate), and with `bounce` queues
 * an email telling the member why it was refused. Returns false when another delivery of the same
 * message was recorded first (nothing was written).
 */
async function record(
  em: Em,
  input: {
    communityId: string;
    messageId: string;
    member: Member;
    thread: Thread;
    replyId?: string;
    reason?: string;
    bounce?: boolean;
  },
): Promise<boolean> {
  try {
    await em.fork().transactional(async (tx) => {
      await tx.insert(InboundEmail, {
        id: newId(),
        community: input.communityId,
        messageId: input.messageId,
        member: input.member.id,
        thread: input.thread.id,
        outcome: input.replyId ? 'POSTED' : 'REFUSED',
        reply: input.replyId ?? null,
        reason: input.reason?.slice(0, 500) ?? null,
        createdAt: new Date(),
      } as never);
      if (input.reason && input.bounce) {
        await tx.insert(OutboxMessage, {
          id: newId(),
          community: input.communityId,
          member: input.member.id,
          purpose: 'THREAD_NOTIFICATIONS',
          thread: input.thread.id,
          dedupeKey: `bounce:${createHash('sha256').update(input.messageId).digest('hex').slice(0, 40)}:${input.member.id}`,
          subject: `Your reply to “${input.thread.title}” was not posted`.slice(0, 300),
          body: '',
          template: 'bounce',
          data: { threadTitle: input.thread.title, reason: input.reason },
          status: 'PENDING',
          digest: false,
          dueAt: new Date(),
          attempts: 0,
          createdAt: new Date(),
        } as never);
      }
    });
    return true;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return false;
    throw error;
  }
}
