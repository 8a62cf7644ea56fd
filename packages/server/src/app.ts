import type { AddressInfo } from 'node:net';
import type { Options } from '@mikro-orm/core';
import { type BackgroundJobs, startBackgroundJobs } from './background-jobs.ts';
import type { Config } from './config.ts';
import { refuseWritesFrom } from './core/shutdown.ts';
import type { Em, Orm } from './db/em.ts';
import { migrate, openOrm } from './db/orm.ts';
import { clientIp } from './http/client-ip.ts';
import { createCorsPolicy } from './http/cors.ts';
import { createGraphQLHandler } from './http/graphql.ts';
import { createInboundEmailEndpoint } from './http/inbound-email.ts';
import { createServerLogger, type LogLevel } from './http/logger.ts';
import { type AssetPaths, createHttpServer } from './http/server.ts';
import { type SmtpListener, startSmtpListener } from './inbound/smtp-listener.ts';
import { createEventBus, type RealtimeBus } from './live/event-bus.ts';
import { createLiveStreams } from './live/live-streams.ts';
import { createLimiter } from './rate-limit/limiter.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitRules, scaledLimits } from './rate-limit/rules.ts';
import { memoryStore, redisStore } from './rate-limit/store.ts';
import { DEMO_SLUG, type DemoSeed, demoWarnings, seedDemoIfEmpty } from './services/demo.ts';
import { wordVectorsMissing } from './services/search/word-vectors.ts';
import { domainSubscribers } from './services/subscribers.ts';

export interface AppOptions {
  config: Config;
  /** Extra MikroORM options (tests pass a query-counting logger). */
  ormOverrides?: Partial<Options>;
  logLevel?: LogLevel;
  /** Where the built widget and admin are; defaults to the packages' dist folders. */
  assets?: AssetPaths;
  /** Rate limits; tests lower them to reach them quickly. */
  rateLimits?: RateLimitRules;
}

export interface App {
  url: string;
  orm: Orm;
  events: RealtimeBus;
  /** Set when this start seeded the demo community. */
  demo: DemoSeed | null;
  /** What the operator must hear at start (a demo community on a production server). */
  warnings: string[];
  /** Emails, webhook deliveries and erasure, unless BACKGROUND_JOBS=false. */
  jobs: BackgroundJobs | null;
  /** Replies by email over SMTP (INBOUND_SMTP_PORT), when on. */
  smtpListener: SmtpListener | null;
  /**
   * Stops accepting (after `drainMs` of reading what clients had already sent), lets in-flight
   * requests finish (up to `graceMs`), then closes everything.
   */
  close(graceMs?: number, drainMs?: number): Promise<void>;
}

/** How long a stopping process keeps reading what clients had already sent it. */
const DRAIN_MS = 250;
/** A stopping process stops accepting once no connection has come for this long (see close). */
const QUIET_MS = 100;

/** Opens the database, applies migrations, seeds the demo if empty, and listens. */
export async function startApp({
  config,
  ormOverrides,
  logLevel = 'info',
  assets,
  rateLimits,
}: AppOptions): Promise<App> {
  const events = createEventBus({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix });
  const orm = await openOrm({
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
    queryTimeoutMs: config.queryTimeoutMs,
    overrides: ormOverrides,
    onCommit: (communityId) => events.announceChange(communityId),
    subscribers: domainSubscribers((communityId, memberIds) =>
      events.publishToMembers(communityId, memberIds, { type: 'NOTIFIED', at: new Date().toISOString() }),
    ),
  }).catch(async (error) => {
    await events.close();
    throw error;
  });
  // With Redis, limits are counted once for all processes; without, per process.
  const rules = rateLimits ?? scaledLimits(DEFAULT_RATE_LIMITS, config.rateLimitMultiplier);
  const limiter = createLimiter(
    config.redisUrl ? redisStore(config.redisUrl, config.redisPrefix) : memoryStore(),
    rules,
  );
  try {
    await migrate(orm);
    const demo = config.seedDemo
      ? await seedDemoIfEmpty(orm.em.fork(), events, config.production ? 'random' : 'published')
      : null;
    const warnings = [...(config.production ? await demoWarnings(orm.em.fork()) : []), ...wordVectorsMissing()];
    const logger = createServerLogger(logLevel);
    // PUBLIC_URL, or (listening on a port chosen at start, as tests do) the address listened on.
    let publicUrl = config.publicUrl;
    const cors = createCorsPolicy({ orm, publicUrl: () => publicUrl });
    const liveStreams = createLiveStreams();
    const graphql = createGraphQLHandler({
      orm,
      events,
      limiter,
      trustProxy: config.trustProxy,
      cors,
      logger,
      production: config.production,
      liveStreams,
      outbound: { allowPrivate: config.webhookAllowPrivate },
      publicUrl: () => publicUrl,
    });
    const inboundEmail = createInboundEmailEndpoint({ orm, events, limiter });
    const { server, drain, settled } = createHttpServer({
      orm,
      graphql,
      demoCommunity: DEMO_SLUG,
      publicUrl: () => publicUrl,
      assets,
      live: () => events.live(),
      inboundEmail: (req, res, community) => inboundEmail(req, res, community, clientIp(req, config.trustProxy)),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    if (config.port === 0) publicUrl = `http://127.0.0.1:${port}`;
    const url = publicUrl;
    const smtpListener =
      config.inboundSmtpPort === undefined
        ? null
        : await startSmtpListener({
            port: config.inboundSmtpPort,
            host: config.host,
            orm,
            events,
            limiter,
            onError: (error) => logger.error('inbound email failed', error),
          }).catch((error: unknown) => {
            server.close();
            throw error;
          });

    const jobs = config.backgroundJobs
      ? startBackgroundJobs(config, orm, publicUrl, events, (job, error) => logger.error(`${job} failed`, error))
      : null;

    let closing: Promise<void> | undefined;
    const close = (graceMs = 10_000, drainMs = DRAIN_MS) =>
      (closing ??= (async () => {
        const stoppedAt = Date.now();
        // Live subscriptions never finish on their own: end them now, and their clients reconnect
        // (to another process, or to this one once it is back).
        liveStreams.endAll();
        // Writes still queued at half the grace period are refused (503, nothing written) rather
        // than cut off at its end; a request read late may be refused so too, but answered.
        refuseWritesFrom(orm.em as Em, stoppedAt + graceMs / 2);
        // Requests already sent on kept-alive connections may still sit unread in the socket:
        // closing those connections now would cut them off. Serve a moment longer, telling every
        // client to stop reusing its connection, then stop accepting.
        drain();
        if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
        // A busy process accepts and reads late: keep accepting until connections stop coming
        // and each has been read (at most half the grace period), so none is cut off unread.
        if (drainMs > 0) await settled(QUIET_MS, Date.now() + graceMs / 2);
        // Subscriptions that started during the drain.
        liveStreams.endAll();
        // A timer runs at the start of the loop's turn, before sockets are read: when the process
        // was busy as the drain ended, a request already in a kernel buffer would make its
        // connection look idle and be reset. Read the sockets once more (setImmediate runs after
        // the turn's poll) before cutting idle connections.
        await new Promise((resolve) => setImmediate(resolve));
        // Node's close() also closes the kept-alive connections waiting for a next request; every
        // accepted one has been read by now (settled), so none is cut off unread.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Requests in flight have what is left of the grace period to finish.
        const timer = setTimeout(() => server.closeAllConnections(), Math.max(0, stoppedAt + graceMs - Date.now()));
        await closed;
        clearTimeout(timer);
        await smtpListener?.close();
        await jobs?.stop();
        await events.close();
        await limiter.close();
        await orm.close();
      })());
    return { url, orm, events, demo, warnings, jobs, smtpListener, close };
  } catch (error) {
    await events.close();
    await limiter.close();
    await orm.close();
    throw error;
  }
}
