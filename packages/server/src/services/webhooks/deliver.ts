import { createHmac } from 'node:crypto';
import type { Em } from '../../db/orm.ts';
import { Webhook, WebhookDelivery } from '../../entities/index.ts';
import { backoffMs, claim, claimable } from '../poller.ts';

/** Attempts before a delivery is given up as FAILED. */
export const MAX_WEBHOOK_ATTEMPTS = 8;
/** How long an endpoint has to answer. */
const TIMEOUT_MS = 10_000;

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

/**
 * Sends due deliveries (claimed first, so only one process sends each): a 2xx answer delivers it;
 * anything else waits with backoff and tries again, up to MAX_WEBHOOK_ATTEMPTS. Every outcome is
 * kept on the delivery (the admin's delivery log).
 */
export async function deliverWebhooks(
  em: Em,
  options: { now?: Date; fetch?: typeof fetch; limit?: number } = {},
): Promise<WebhookDeliveryResult> {
  const now = options.now ?? new Date();
  const send = options.fetch ?? fetch;
  const result: WebhookDeliveryResult = { delivered: 0, failed: 0, retrying: 0 };
  const noTenant = { filters: { tenant: false } } as const;
  const due = await em.fork().find(
    WebhookDelivery,
    { ...claimable(now), dueAt: { $lte: now } },
    {
      ...noTenant,
      orderBy: { dueAt: 'asc', id: 'asc' },
      limit: options.limit ?? 100,
    },
  );
  for (const delivery of await claim(em, WebhookDelivery, due, now)) {
    const hook = await em.fork().findOne(Webhook, { id: delivery.webhook.id }, noTenant);
    const attempts = delivery.attempts + 1;
    const mark = (changes: Partial<WebhookDelivery>) =>
      em.nativeUpdate(
        WebhookDelivery,
        { id: delivery.id },
        { claimedUntil: null, attempts, ...changes } as never,
        noTenant,
      );
    if (!hook?.active) {
      await mark({ status: 'FAILED', lastError: 'the webhook was turned off or removed' });
      result.failed++;
      continue;
    }
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await send(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Rapport-Webhooks/1',
          'x-rapport-event': delivery.event,
          'x-rapport-delivery': delivery.id,
          'x-rapport-timestamp': timestamp,
          'x-rapport-signature': `sha256=${webhookSignature(hook.secret, timestamp, delivery.body)}`,
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
      if (status < 200 || status > 299) error = `answered ${status}`;
    } catch (e) {
      error = String((e as Error)?.message ?? e).slice(0, 1000);
    }
    if (!error) {
      await mark({ status: 'DELIVERED', lastStatusCode: status, lastError: null, deliveredAt: new Date() });
      result.delivered++;
    } else if (attempts >= MAX_WEBHOOK_ATTEMPTS) {
      await mark({ status: 'FAILED', lastStatusCode: status, lastError: error });
      result.failed++;
    } else {
      await mark({ lastStatusCode: status, lastError: error, dueAt: new Date(now.getTime() + backoffMs(attempts)) });
      result.retrying++;
    }
  }
  return result;
}
