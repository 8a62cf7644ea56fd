import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';

/** What a webhook can be told of. */
export const WEBHOOK_EVENTS = [
  'thread.created',
  'reply.created',
  'status.changed',
  'member.flagged',
  'consent.changed',
  'member.erased',
  'changelog.published',
  'ask.published',
  'ask.answered',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * A brand's endpoint that hears of events in its community: each delivery is a POST of JSON,
 * signed with the webhook's secret (HMAC-SHA256), retried with backoff until it answers 2xx.
 */
const WebhookSchema = defineEntity({
  name: 'Webhook',
  indexes: [{ properties: ['community', 'active'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    url: p.string().length(2000),
    events: p.json<WebhookEvent[]>().$type<WebhookEvent[]>(),
    /** Signs every delivery; shown once, when the webhook is made. */
    secret: p.string().length(64).hidden(),
    active: p.boolean().default(true),
    createdBy: () => p.manyToOne(StaffMember).nullable(),
    createdAt: createdAtProperty(),
  },
});

export class Webhook extends WebhookSchema.class {}
WebhookSchema.setClass(Webhook);

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one webhook: written in the transaction of what happened (so it exists exactly
 * when that does), then sent by any server process (claimed first, so only one sends it). Kept as
 * the delivery log the admin shows.
 */
const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  indexes: [{ properties: ['status', 'dueAt'] }, { properties: ['webhook', 'createdAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    webhook: () => p.manyToOne(Webhook).deleteRule('cascade'),
    event: p.enum(WEBHOOK_EVENTS),
    /** The JSON body sent (the same bytes every attempt, so its signature can be checked). */
    body: p.text(),
    status: p.enum(DELIVERY_STATUSES).default('PENDING'),
    dueAt: p.datetime(),
    /** The worker holding it (services/work-queue.ts), until claimedUntil unless renewed. */
    claimedBy: p.string().length(36).nullable(),
    claimedUntil: p.datetime().nullable(),
    attempts: p.integer().default(0),
    lastStatusCode: p.integer().nullable(),
    lastError: p.string().length(1000).nullable(),
    deliveredAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
});

export class WebhookDelivery extends WebhookDeliverySchema.class {}
WebhookDeliverySchema.setClass(WebhookDelivery);
