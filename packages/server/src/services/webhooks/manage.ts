import { randomBytes } from 'node:crypto';
import { badInput, notFound } from '../../core/errors.ts';
import { findPage, type Page, type PageArgs } from '../../core/pagination.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  Webhook,
  WebhookDelivery,
  type WebhookEvent,
  type WebhookFormat,
} from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { assertPublicDestination, NotPublicError, type OutboundPolicy } from '../outbound/public-address.ts';

/** Webhooks a community may have. */
const MAX_WEBHOOKS = 20;

function checkedEvents(events: readonly string[]): WebhookEvent[] {
  const unique = [...new Set(events)];
  if (unique.length === 0) throw badInput('error.webhook.noEvents', 'events');
  const unknown = unique.filter((e) => !WEBHOOK_EVENTS.includes(e as WebhookEvent));
  if (unknown.length) throw badInput(['error.webhook.unknownEvents', { events: unknown.join(', ') }], 'events');
  return unique as WebhookEvent[];
}

/** The votes an idea passes to raise `idea.votes_passed`: a whole number from 1 to 1,000,000. */
function checkedThreshold(value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000)
    throw badInput('error.webhook.voteThreshold', 'voteThreshold');
  return value;
}

function checkedFormat(value: string | null | undefined): WebhookFormat | undefined {
  if (value == null) return undefined;
  if (!WEBHOOK_FORMATS.includes(value as WebhookFormat))
    throw badInput({ forDevelopers: `Unknown format ${value}.` }, 'format');
  return value as WebhookFormat;
}

/**
 * A webhook URL: http(s), and leading only to public internet addresses unless the server allows
 * private ones (checked again each time it is sent to: DNS may change its answer).
 */
async function checkedUrl(url: string, policy: OutboundPolicy): Promise<string> {
  if (url.length > 2000) throw badInput('error.urlTooLong', 'url');
  const checked = valid.httpUrl(url.trim(), 'url');
  try {
    await assertPublicDestination(new URL(checked), policy);
  } catch (error) {
    if (error instanceof NotPublicError) {
      throw badInput('error.webhook.notPublic', 'url');
    }
    throw badInput(['error.webhook.unknownHost', { host: new URL(checked).hostname }], 'url');
  }
  return checked;
}

export interface NewWebhook {
  webhook: Webhook;
  /** Shown this once: the receiver checks signatures with it. */
  secret: string;
}

export async function createWebhook(
  scope: Scope,
  actor: StaffActor,
  input: {
    url: string;
    events: readonly string[];
    format?: string | null;
    voteThreshold?: number | null;
  },
  policy: OutboundPolicy,
): Promise<NewWebhook> {
  const url = await checkedUrl(input.url, policy);
  const events = checkedEvents(input.events);
  const format = checkedFormat(input.format) ?? 'JSON';
  const voteThreshold = checkedThreshold(input.voteThreshold);
  return write(scope, async (em) => {
    if ((await em.count(Webhook, {})) >= MAX_WEBHOOKS) {
      throw badInput(['error.webhook.tooMany', { max: MAX_WEBHOOKS }], 'url');
    }
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    const webhook = em.create(Webhook, {
      community: scope.communityId,
      url,
      events,
      secret,
      format,
      voteThreshold,
      createdBy: actor.staff,
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'webhook.create',
      targetType: 'Webhook',
      targetId: webhook.id,
      after: { url, events, format, voteThreshold },
    });
    return { webhook, secret };
  });
}

export async function updateWebhook(
  scope: Scope,
  actor: StaffActor,
  id: string,
  change: {
    url?: string | null;
    events?: readonly string[] | null;
    active?: boolean | null;
    format?: string | null;
    voteThreshold?: number | null;
  },
  policy: OutboundPolicy,
): Promise<Webhook> {
  // Resolved before the transaction: a slow DNS answer must not hold a database connection.
  const url = change.url != null ? await checkedUrl(change.url, policy) : null;
  const format = checkedFormat(change.format);
  const voteThreshold = checkedThreshold(change.voteThreshold);
  return write(scope, async (em) => {
    const webhook = valid.isUuid(id) ? await em.findOne(Webhook, { id }) : null;
    if (!webhook) throw notFound('error.notFound.webhook');
    const shown = (w: Webhook) => ({
      url: w.url,
      events: w.events,
      active: w.active,
      format: w.format,
      voteThreshold: w.voteThreshold ?? null,
    });
    const before = shown(webhook);
    if (url != null) webhook.url = url;
    if (change.events != null) webhook.events = checkedEvents(change.events);
    if (change.active != null) webhook.active = change.active;
    if (format) webhook.format = format;
    if (voteThreshold != null) webhook.voteThreshold = voteThreshold;
    recordAudit(em, scope.communityId, actor, {
      action: 'webhook.update',
      targetType: 'Webhook',
      targetId: webhook.id,
      before,
      after: shown(webhook),
    });
    return webhook;
  });
}

/** Removes a webhook and its delivery log. */
export async function deleteWebhook(scope: Scope, actor: StaffActor, id: string): Promise<boolean> {
  return write(scope, async (em) => {
    const webhook = valid.isUuid(id) ? await em.findOne(Webhook, { id }) : null;
    if (!webhook) throw notFound('error.notFound.webhook');
    await em.nativeDelete(WebhookDelivery, { webhook: webhook.id });
    await em.nativeDelete(Webhook, { id: webhook.id });
    recordAudit(em, scope.communityId, actor, {
      action: 'webhook.delete',
      targetType: 'Webhook',
      targetId: webhook.id,
      before: { url: webhook.url, events: webhook.events },
    });
    return true;
  });
}

/** Sends a delivery again (a failed one, or one the receiver lost): due now, attempts kept. */
export async function redeliver(scope: Scope, id: string): Promise<WebhookDelivery> {
  return write(scope, async (em) => {
    const delivery = valid.isUuid(id) ? await em.findOne(WebhookDelivery, { id }) : null;
    if (!delivery) throw notFound('error.notFound.delivery');
    delivery.status = 'PENDING';
    delivery.dueAt = new Date();
    delivery.claimedUntil = null;
    return delivery;
  });
}

export const listWebhooks = (scope: Scope) => scope.em.find(Webhook, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });

/** A webhook's delivery log, newest first. */
export const listDeliveries = (scope: Scope, webhookId: string, args: PageArgs): Promise<Page<WebhookDelivery>> =>
  findPage(scope.em, WebhookDelivery, { webhook: webhookId }, { createdAt: 'desc', id: 'desc' }, args);
