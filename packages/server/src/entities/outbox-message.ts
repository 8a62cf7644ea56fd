import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { CONSENT_PURPOSES } from './consent-record.ts';
import { Member } from './member.ts';
import { Thread } from './thread.ts';

export const OUTBOX_STATUSES = ['PENDING', 'SENT', 'SKIPPED', 'FAILED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * An email to send, written in the transaction of what caused it (a reply, a status change): if
 * that commits, the message is here; if not, it never existed. The mailer (services/mail) sends
 * due messages, checking consent at that moment, and retries with backoff. A message is claimed
 * for a minute before it is sent, so two processes never send it both; its id is the Message-ID,
 * so a receiver can drop the copy a crash between sending and marking it sent would leave.
 */
const OutboxMessageSchema = defineEntity({
  name: 'OutboxMessage',
  indexes: [{ properties: ['status', 'dueAt'] }, { properties: ['member', 'status'] }],
  uniques: [{ properties: ['dedupeKey'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    member: () => p.manyToOne(Member),
    /** The consent it needs at send time. */
    purpose: p.enum(CONSENT_PURPOSES),
    thread: () => p.manyToOne(Thread).nullable(),
    /** One message per cause and member, however often the cause is retried. */
    dedupeKey: p.string().length(200),
    subject: p.string().length(300),
    /** Plain text (a member's words are never HTML here); what older messages are sent from. */
    body: p.text(),
    /**
     * How the email is drawn (services/mail/templates) from `data`, what it tells as it was when it
     * was written; null for messages from before templates, sent as `body`.
     */
    template: p.string().length(32).nullable(),
    data: p.json<Record<string, unknown>>().$type<Record<string, unknown>>().nullable(),
    status: p.enum(OUTBOX_STATUSES).default('PENDING'),
    /** When it may go out: now, or the member's next daily digest. */
    dueAt: p.datetime(),
    /** Part of a daily digest: sent together with the member's other due digest messages. */
    digest: p.boolean().default(false),
    /** The worker holding it (core/work-queue.ts), until claimedUntil unless renewed. */
    claimedBy: p.string().length(36).nullable(),
    /** Claimed by a sender until then. */
    claimedUntil: p.datetime().nullable(),
    attempts: p.integer().default(0),
    lastError: p.string().length(1000).nullable(),
    sentAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
});

export class OutboxMessage extends OutboxMessageSchema.class {}
OutboxMessageSchema.setClass(OutboxMessage);
