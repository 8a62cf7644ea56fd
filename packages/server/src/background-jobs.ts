import type { Config } from './config.ts';
import type { EventBus } from './core/events.ts';
import { type Poller, startPoller } from './core/poller.ts';
import { openScope } from './core/scope.ts';
import { startQueuePoller } from './core/work-queue.ts';
import type { Orm } from './db/em.ts';
import { optimizeSqlite } from './db/orm.ts';
import { closeDueAsks } from './services/asks/manage.ts';
import { publishDue } from './services/changelog/entries.ts';
import { eraseDue } from './services/erasure.ts';
import { expireIdempotencyKeys } from './services/idempotency.ts';
import { type Mailer, startMailer } from './services/mail/mailer.ts';
import { rereadSentiment } from './services/ranking/reread.ts';
import { createWebhookSender, dispatchWebhooks, type WebhookDeliveryResult } from './services/webhooks/deliver.ts';

/** How often SQLite's planner statistics are refreshed, and day-old retry keys forgotten. */
const HOURLY_MS = 3_600_000;

export interface BackgroundJobs {
  /** Sends the outbox's emails (only with SMTP_URL). */
  mailer: Mailer | null;
  /** Sends due webhook deliveries. */
  webhooks: Poller<WebhookDeliveryResult>;
  /** Erases accounts whose grace period has ended. */
  erasure: Poller<number>;
  /** Publishes "What's new" entries scheduled for now. */
  changelog: Poller<number>;
  /** Closes asks at their closing time. */
  asks: Poller<number>;
  /** Refreshes SQLite's query planner statistics (hourly; nothing to do on PostgreSQL). */
  statistics: Poller<void>;
  /** Forgets idempotency keys once no client retries with them any more (hourly). */
  idempotencyKeys: Poller<number>;
  /** Reads texts stored before languages were told apart, and recomputes their rankings (at start, then hourly). */
  sentiment: Poller<number>;
  stop(): Promise<void>;
}

/**
 * The work a server process does besides answering requests, each job polling the database and
 * claiming what it does there, so any number of processes may run them (BACKGROUND_JOBS).
 */
export function startBackgroundJobs(
  config: Config,
  orm: Orm,
  publicUrl: string,
  events: EventBus,
  onError: (job: string, error: unknown) => void,
): BackgroundJobs {
  const mailer = config.smtpUrl
    ? startMailer({
        orm,
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        publicUrl,
        inboundDomain: config.inboundEmailDomain,
        intervalMs: config.mailIntervalMs,
        onError: (error) => onError('mail delivery', error),
      })
    : null;
  const webhookSender = createWebhookSender(
    { allowPrivate: config.webhookAllowPrivate },
    (error) => onError('webhook delivery', error),
    { publicUrl },
  );
  const webhooks = startQueuePoller(
    () => dispatchWebhooks(orm.em.fork(), webhookSender),
    webhookSender.lanes,
    webhookSender.result,
    config.mailIntervalMs,
    webhookSender.onError,
  );
  const erasure = startPoller(
    () => eraseDue(orm.em.fork()),
    config.erasureIntervalMs,
    (error) => onError('erasure', error),
  );
  const changelog = startPoller(
    () => publishDue(orm.em.fork(), (communityId) => openScope(orm.em, communityId, events)),
    config.mailIntervalMs,
    (error) => onError('scheduled publishing', error),
  );
  const asks = startPoller(
    async () => (await closeDueAsks(orm.em.fork())).length,
    config.mailIntervalMs,
    (error) => onError('closing asks', error),
  );
  const statistics = startPoller(
    () => optimizeSqlite(orm, 'periodic'),
    HOURLY_MS,
    (error) => onError('statistics', error),
  );
  const idempotencyKeys = startPoller(
    () => expireIdempotencyKeys(orm.em.fork()),
    HOURLY_MS,
    (error) => onError('idempotency key expiry', error),
  );
  const sentiment = startPoller(
    () => rereadSentiment(orm.em.fork()),
    HOURLY_MS,
    (error) => onError('sentiment re-reading', error),
  );
  // After an upgrade, the old scores should not wait an hour.
  sentiment.runOnce().catch((error: unknown) => onError('sentiment re-reading', error));
  return {
    mailer,
    webhooks,
    erasure,
    changelog,
    asks,
    statistics,
    idempotencyKeys,
    sentiment,
    async stop() {
      await Promise.all([
        mailer?.stop(),
        webhooks.stop(),
        erasure.stop(),
        changelog.stop(),
        asks.stop(),
        statistics.stop(),
        idempotencyKeys.stop(),
        sentiment.stop(),
      ]);
    },
  };
}
