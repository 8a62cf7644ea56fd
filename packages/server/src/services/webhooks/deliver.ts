import { createHmac } from 'node:crypto';
import { backoffMs } from '../../core/poller.ts';
import { type Claim, claimable, claimRows, holding, Lanes, settle } from '../../core/work-queue.ts';
import type { Em } from '../../db/em.ts';
import { Community, Webhook, WebhookDelivery } from '../../entities/index.ts';
import { defaultLocaleOf } from '../communities.ts';
import { postOutbound } from '../outbound/post.ts';
import type { OutboundPolicy } from '../outbound/public-address.ts';
import { formattedBody } from './alerts.ts';

/** Attempts before a delivery is given up as FAILED. */
export const MAX_WEBHOOK_ATTEMPTS = 8;
/** How long an endpoint has to answer (well inside a claim, which is renewed anyway). */
const TIMEOUT_MS = 10_000;
/** Deliveries in flight at once, and for any one community. */
const LANES = { total: 16, perCommunity: 4 };

/**
 * The signature a receiver checks: HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret,
 * hex, sent as `X-Rapport-Signature: sha256=<hex>` with `X-Rapport-Timestamp: <timestamp>` (seconds;
 * a receiver should refuse old ones, against replays).
 */
export const webhookSignature = (secret: string, timestamp: string, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export interface WebhookDeliveryResult {
  delivered: number;
  failed: number;
  retrying: number;
}

export interface WebhookSender {
  lanes: Lanes;
  policy: OutboundPolicy;
  /** Counts outcomes as sends finish. */
  result: WebhookDeliveryResult;
  onError(error: unknown): void;
  /** How long a claim lasts unless renewed (CLAIM_MS; tests shorten it). */
  claimMs?: number;
  /** The server's public URL: alerts link to the console there. */
  publicUrl?: string | undefined;
}

export function createWebhookSender(
  policy: OutboundPolicy,
  onError: (error: unknown) => void,
  options: { claimMs?: number; publicUrl?: string | undefined } = {},
): WebhookSender {
  return {
    lanes: new Lanes({ ...LANES, onError }),
    policy,
    result: { delivered: 0, failed: 0, retrying: 0 },
    onError,
    ...options,
  };
}

const noTenant = { filters: { tenant: false } } as const;

/**
 * Starts sending what is due, each delivery claimed just before it is sent, within the sender's
 * lanes: a community whose lanes are full (a slow receiver) is skipped, so its rows never crowd
 * another community's out of the batch. Returns how many sends it started; they finish on their
 * own (`sender.lanes.idle()`); `leftBehind` when due rows had to wait for a lane.
 */
export async function dispatchWebhooks(
  em: Em,
  sender: WebhookSender,
  options: { now?: Date; limit?: number } = {},
): Promise<{ started: number; leftBehind: boolean }> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 100;
  let started = 0;
  let leftBehind = false;
  // A community that filled its lanes is left out of the next round, so others' rows come up.
  for (let round = 0; round < 5 && !sender.lanes.full; round++) {
    const busy = sender.lanes.fullCommunities();
    const due = await em
      .fork()
      .find(
        WebhookDelivery,
        { ...claimable(now), dueAt: { $lte: now }, ...(busy.length ? { community: { $nin: busy } } : {}) },
        { ...noTenant, orderBy: { dueAt: 'asc', id: 'asc' }, limit },
      );
    let startedThisRound = 0;
    leftBehind = due.length === limit || busy.length > 0;
    for (const delivery of due) {
      const communityId = delivery.community.id;
      if (!sender.lanes.canTake(communityId)) {
        leftBehind = true;
        if (sender.lanes.full) break;
        continue;
      }
      const claim = await claimRows(em, WebhookDelivery, [delivery.id], now, sender.claimMs);
      if (!claim) continue;
      sender.lanes.run(communityId, () => send(em, delivery, claim, sender, now));
      startedThisRound++;
    }
    started += startedThisRound;
    if (startedThisRound === 0 || sender.lanes.fullCommunities().length === busy.length) break;
  }
  return { started, leftBehind };
}

/**
 * Sends what is due and waits for every send to finish (tests, the CLI): a 2xx answer delivers a
 * delivery; anything else waits with backoff and tries again, up to MAX_WEBHOOK_ATTEMPTS. Every
 * outcome is kept on the delivery (the admin's delivery log).
 */
export async function deliverWebhooks(
  em: Em,
  options: { now?: Date; limit?: number; policy: OutboundPolicy; publicUrl?: string },
): Promise<WebhookDeliveryResult> {
  const errors: unknown[] = [];
  const sender = createWebhookSender(options.policy, (error) => errors.push(error), { publicUrl: options.publicUrl });
  for (let more = true; more; ) {
    more = (await dispatchWebhooks(em, sender, options)).leftBehind;
    await sender.lanes.idle();
  }
  if (errors.length) throw errors[0];
  return sender.result;
}

async function send(em: Em, delivery: WebhookDelivery, claim: Claim, sender: WebhookSender, now: Date) {
  const hook = await em.fork().findOne(Webhook, { id: delivery.webhook.id }, noTenant);
  const attempts = delivery.attempts + 1;
  const record = async (outcome: keyof WebhookDeliveryResult, changes: Partial<WebhookDelivery>) => {
    if (await settle(em, WebhookDelivery, claim, { attempts, ...changes })) sender.result[outcome]++;
    else sender.onError(new Error(`webhook delivery ${delivery.id}: the claim was lost; its outcome was not recorded`));
  };
  if (!hook?.active) {
    await record('failed', { status: 'FAILED', lastError: 'the webhook was turned off or removed' });
    return;
  }
  let body: string;
  try {
    body = await bodyFor(em, hook, delivery, sender.publicUrl);
  } catch (error) {
    // A body that cannot be drawn will not be drawn next time either: failed, not retried for ever.
    sender.onError(error);
    await record('failed', { status: 'FAILED', lastError: 'the alert could not be formatted' });
    return;
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  const outcome = await holding(
    em,
    WebhookDelivery,
    claim,
    () =>
      postOutbound(
        hook.url,
        {
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Rapport-Webhooks/1',
            'x-rapport-event': delivery.event,
            'x-rapport-delivery': delivery.id,
            'x-rapport-timestamp': timestamp,
            'x-rapport-signature': `sha256=${webhookSignature(hook.secret, timestamp, body)}`,
          },
          body,
          timeoutMs: TIMEOUT_MS,
        },
        sender.policy,
      ),
    sender.claimMs,
  );
  const status = 'status' in outcome ? outcome.status : null;
  const error = status === null ? 'unreachable' : status < 200 || status > 299 ? `answered ${status}` : null;
  if (!error) {
    await record('delivered', {
      status: 'DELIVERED',
      lastStatusCode: status,
      lastError: null,
      deliveredAt: new Date(),
    });
  } else if (attempts >= MAX_WEBHOOK_ATTEMPTS) {
    await record('failed', { status: 'FAILED', lastStatusCode: status, lastError: error });
  } else {
    await record('retrying', {
      lastStatusCode: status,
      lastError: error,
      dueAt: new Date(now.getTime() + backoffMs(attempts)),
    });
  }
}

/** What is sent: the stored event, or the alert a chat tool's webhook reads, in the community's language. */
async function bodyFor(em: Em, hook: Webhook, delivery: WebhookDelivery, publicUrl: string | undefined) {
  if (hook.format === 'JSON') return delivery.body;
  const community = await em.fork().findOneOrFail(Community, { id: hook.community.id }, noTenant);
  const consoleUrl = publicUrl ? `${publicUrl}/admin` : null;
  return formattedBody(hook.format, delivery.body, defaultLocaleOf(community), consoleUrl, community.name);
}
