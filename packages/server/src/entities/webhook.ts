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
  // Alerts for the team (any webhook may take them too).
  'idea.created',
  'ambassador.posted',
  'critic.posted',
  'idea.votes_passed',
  'ask.closed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * What a webhook's deliveries look like: Rapport's signed JSON event, or an alert formatted for a
 * chat tool's incoming webhook (Slack blocks, a Discord embed, a Microsoft Teams adaptive card).
 */
export const WEBHOOK_FORMATS = ['JSON', 'SLACK', 'DISCORD', 'TEAMS'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
/** The votes an idea passes to raise `idea.votes_passed`, unless the webhook says otherwise. */
export const DEFAULT_VOTE_THRESHOLD = 10;

/**
 * A brand's endpoint that hears of events in its community: each delivery is a POST of JSON,
 * signed with the webhook's secret (HMAC-SHA256), retried with backoff until it answers 2xx. An
 * alert channel (Slack, Discord, Teams) is a webhook whose deliveries are formatted for it.
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
    format: p.enum(WEBHOOK_FORMATS).default('JSON'),
    /** `idea.votes_passed`: when a vote takes an idea to this many (null: DEFAULT_VOTE_THRESHOLD). */
    voteThreshold: p.integer().nullable(),
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
  indexes: [
    { properties: ['status', 'dueAt'] },
    { properties: ['webhook', 'createdAt'] },
    { properties: ['webhook', 'dedupeKey'] },
  ],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    webhook: () => p.manyToOne(Webhook).deleteRule('cascade'),
    event: p.enum(WEBHOOK_EVENTS),
    /** The JSON body sent (the same bytes every attempt, so its signature can be checked). */
    body: p.text(),
    /** An event told once per webhook however often it recurs (an idea passing N votes again). */
    dedupeKey: p.string().length(120).nullable(),
    status: p.enum(DELIVERY_STATUSES).default('PENDING'),
    dueAt: p.datetime(),
    /** The worker holding it (core/work-queue.ts), until claimedUntil unless renewed. */
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
