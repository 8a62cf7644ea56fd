import { fileURLToPath } from 'node:url';

/**
 * The repository root: the default SQLite file and the built front-end bundles are found from it.
 * Built, this module is part of packages/server/dist/main.js: as deep as src/config.ts, so the same
 * relative path holds for both.
 */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Config {
  /** TCP port the HTTP server listens on (`PORT`, default 4000). */
  port: number;
  /** Interface to bind (`HOST`, default all interfaces). */
  host: string;
  /**
   * Where the data lives (`DATABASE_URL`): `postgres://…` selects PostgreSQL; anything else is a
   * SQLite file path (`sqlite:`/`file:` prefixes allowed). Default `./data/rapport.db` in the repository.
   */
  databaseUrl: string;
  /** `REDIS_URL`: when set, live-update pub/sub goes through Redis so several processes share it. */
  redisUrl: string | undefined;
  /**
   * Prefix of every Redis key and channel (`REDIS_PREFIX`, default `rapport`): several deployments
   * (staging and production, say) can share one Redis without hearing each other.
   */
  redisPrefix: string;
  /** `NODE_ENV=production` turns off introspection-friendly behaviour and requires Secure cookies. */
  production: boolean;
  /** Public base URL used in logs and links (`PUBLIC_URL`, default `http://localhost:PORT`). */
  publicUrl: string;
  /**
   * Seed the `demo` community when the database is empty (`SEED_DEMO`): by default on a developer's
   * machine and never under `NODE_ENV=production`, where only `SEED_DEMO=true` seeds it, and then
   * with random passwords printed once (the published demo password would make anyone its owner).
   */
  seedDemo: boolean;
  /**
   * How many reverse proxies stand in front (`TRUST_PROXY`, default 0): the client address is then
   * read from X-Forwarded-For, that many entries from the right; with 0 the header is ignored.
   */
  trustProxy: number;
  /** Multiplies every rate limit (`RATE_LIMIT_MULTIPLIER`, default 1): above 1 for busy communities. */
  rateLimitMultiplier: number;
  /**
   * `SMTP_URL` (e.g. smtp://user:pass@mail.example:587): when set, the emails in the outbox
   * (notifications of followed threads) are sent through it; without it they wait in the outbox.
   */
  smtpUrl: string | undefined;
  /** `MAIL_FROM`: the From address (default `Rapport <no-reply@localhost>`). */
  mailFrom: string;
  /** `MAIL_INTERVAL_MS`: how often the outbox and webhook deliveries are looked at (default 5000). */
  mailIntervalMs: number;
  /** `ERASURE_INTERVAL_MS`: how often accounts and clean-ups whose grace period ended are looked for (default 60000). */
  erasureIntervalMs: number;
  /**
   * `BACKGROUND_JOBS` (default true): this process sends due emails and webhook deliveries and
   * erases accounts whose grace period ended. `false` for processes that should only serve
   * requests (at least one process must run them; any number may).
   */
  backgroundJobs: boolean;
  /**
   * `WEBHOOK_ALLOW_PRIVATE=true` lets webhooks reach loopback, private and link-local addresses
   * (a self-hosted receiver on an internal network; tests). Off by default: a manager must not be
   * able to point the server at its own machine or network.
   */
  webhookAllowPrivate: boolean;
  /**
   * `SQLITE_SYNCHRONOUS` (default `full`): every SQLite commit is synced to disk before it is
   * answered. `normal` is faster (BENCHMARKS.md) but a power cut can lose acknowledged writes.
   */
  sqliteSynchronous: 'full' | 'normal';
  /**
   * `DATABASE_QUERY_TIMEOUT_MS` (default 10000): PostgreSQL queries of a request are cancelled
   * after this long, so a hung database answers SERVICE_UNAVAILABLE instead of holding requests.
   */
  queryTimeoutMs: number;
  /**
   * `INBOUND_EMAIL_DOMAIN` (e.g. `reply.community.example`): a domain whose mail reaches Rapport
   * (its MX points at this server's INBOUND_SMTP_PORT, or a mail provider posts it to
   * /inbound/email). Emails about a thread then carry a Reply-To there, and replying answers in
   * the thread. Unset: no Reply-To.
   */
  inboundEmailDomain: string | undefined;
  /** `INBOUND_SMTP_PORT`: listen for replies by email over SMTP on this port (off when unset). */
  inboundSmtpPort: number | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT ?? '4000');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || `${repoRoot}data/rapport.db`,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || 'rapport',
    production: env.NODE_ENV === 'production',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    seedDemo: flag(env.SEED_DEMO, 'SEED_DEMO') ?? env.NODE_ENV !== 'production',
    trustProxy: Number.parseInt(env.TRUST_PROXY ?? '0', 10) || 0,
    rateLimitMultiplier: positive(env.RATE_LIMIT_MULTIPLIER, 'RATE_LIMIT_MULTIPLIER') ?? 1,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Rapport <no-reply@localhost>',
    mailIntervalMs: positive(env.MAIL_INTERVAL_MS, 'MAIL_INTERVAL_MS') ?? 5000,
    erasureIntervalMs: positive(env.ERASURE_INTERVAL_MS, 'ERASURE_INTERVAL_MS') ?? 60_000,
    backgroundJobs: env.BACKGROUND_JOBS !== 'false',
    webhookAllowPrivate: flag(env.WEBHOOK_ALLOW_PRIVATE, 'WEBHOOK_ALLOW_PRIVATE') ?? false,
    inboundEmailDomain: domain(env.INBOUND_EMAIL_DOMAIN),
    inboundSmtpPort: env.INBOUND_SMTP_PORT ? parsePort(env.INBOUND_SMTP_PORT, 'INBOUND_SMTP_PORT') : undefined,
    queryTimeoutMs: positive(env.DATABASE_QUERY_TIMEOUT_MS, 'DATABASE_QUERY_TIMEOUT_MS') ?? 10_000,
    sqliteSynchronous: oneOf(env.SQLITE_SYNCHRONOUS, 'SQLITE_SYNCHRONOUS', ['full', 'normal'] as const) ?? 'full',
  };
}

/** `true` / `false` (or unset: undefined); anything else is a mistake worth stopping for. */
function flag(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`${name} must be "true" or "false", got "${value}"`);
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return number;
}

function parsePort(value: string, name = 'PORT'): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

function domain(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const name = value.trim().toLowerCase();
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(name)) {
    throw new Error(`INBOUND_EMAIL_DOMAIN must be a domain name, got "${value}"`);
  }
  return name;
}
