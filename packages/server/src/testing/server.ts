import type { Options } from '@mikro-orm/core';
import { type App, startApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Em } from '../db/em.ts';
import type { LogLevel } from '../http/logger.ts';
import type { AssetPaths } from '../http/server.ts';
import { DEFAULT_RATE_LIMITS, type RateLimitRules, scaledLimits } from '../rate-limit/rules.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestCommunity, guestToken, signInStaff, type TestCommunity } from './fixtures.ts';
import { GraphQLClient } from './graphql-client.ts';
import { redisPrefixFor } from './process.ts';

export interface TestServer {
  app: App;
  url: string;
  endpoint: string;
  database: TestDatabase;
  /** A new client (its own cookie jar). */
  client(): GraphQLClient;
  /** An entity manager on the server's database, for setting up and checking rows. */
  em(): Em;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Reuse a database (a second process on the same data); otherwise a fresh one is created. */
  database?: TestDatabase;
  ormOverrides?: Partial<Options>;
  /** Seed the demo community (off by default: tests set up what they need). */
  seedDemo?: boolean;
  /** Redis for live events; defaults to REDIS_URL (in-memory events when unset). */
  redisUrl?: string;
  assets?: AssetPaths;
  /** Rate limits; by default far above what a test does, except in the tests about them. */
  rateLimits?: RateLimitRules;
  /** Send the outbox's emails through this SMTP server (testing/smtp.ts); none by default. */
  smtpUrl?: string;
  /** How often the mailer looks at the outbox (tests make it short). */
  mailIntervalMs?: number;
  /** Run the background jobs (default true); off where a test counts the queries it causes. */
  backgroundJobs?: boolean;
  /**
   * Let webhooks reach private addresses (default true: test receivers listen on loopback). The
   * tests of the rule itself turn it off, as production has it.
   */
  webhookAllowPrivate?: boolean;
  /** What the server logs (silent by default; the tests of what it logs raise it). */
  logLevel?: LogLevel;
  /** Listen for replies by email over SMTP (0: a free port); off by default. */
  inboundSmtpPort?: number;
  /** INBOUND_EMAIL_DOMAIN: emails about threads get a Reply-To there. */
  inboundEmailDomain?: string;
  /** TRUST_PROXY: tests that need requests from several addresses send X-Forwarded-For. */
  trustProxy?: number;
}

/**
 * A real server process-in-process: real HTTP on a free port, a real fresh database (SQLite, or
 * PostgreSQL when DATABASE_URL says so) with the checked-in migrations applied, and Redis pub/sub
 * when REDIS_URL is set.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const config = {
    ...loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }),
    databaseUrl: database.url,
    seedDemo: options.seedDemo ?? false,
    redisUrl: options.redisUrl || process.env.REDIS_URL || undefined,
    // Test servers share the machine's Redis: each database gets its own keys and channels (two
    // servers on one database, as in production, share them).
    redisPrefix: redisPrefixFor(database.url),
    smtpUrl: options.smtpUrl,
    mailIntervalMs: options.mailIntervalMs ?? 100,
    backgroundJobs: options.backgroundJobs ?? true,
    webhookAllowPrivate: options.webhookAllowPrivate ?? true,
    inboundSmtpPort: options.inboundSmtpPort,
    inboundEmailDomain: options.inboundEmailDomain,
    trustProxy: options.trustProxy ?? 0,
  };
  const app = await startApp({
    config,
    ormOverrides: options.ormOverrides,
    logLevel: options.logLevel ?? 'silent',
    assets: options.assets,
    rateLimits: options.rateLimits ?? scaledLimits(DEFAULT_RATE_LIMITS, 1000),
  });
  const endpoint = `${app.url}/graphql`;
  return {
    app,
    url: app.url,
    endpoint,
    database,
    client: () => new GraphQLClient(endpoint),
    em: () => app.orm.em.fork() as Em,
    async close() {
      await app.close(100, 0);
      if (!options.database) await database.drop();
    },
  };
}

export interface TestBrand {
  server: TestServer;
  brand: TestCommunity;
  /** A client with no session (customers pass their token per request). */
  api: GraphQLClient;
  /** A client signed in as the community's manager. */
  manager: GraphQLClient;
}

/** A test server with one community, an anonymous client and a client signed in as its manager. */
export async function startTestBrand(options: TestServerOptions = {}): Promise<TestBrand> {
  const server = await startTestServer(options);
  const brand = await createTestCommunity(server.em());
  const manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  return { server, brand, api: server.client(), manager };
}

/**
 * Who sends a test's write: a customer (a new guest's token, passed per request) or a staff
 * member (a client of their own, signed in as the community's staff member).
 */
export async function writer(
  t: TestBrand,
  who: 'a customer' | 'staff',
  name = 'Quick Clicker',
): Promise<{ client: GraphQLClient; token: string | undefined }> {
  if (who === 'a customer') return { client: t.api, token: await guestToken(t.api, t.brand.slug, name) };
  const client = t.server.client();
  await signInStaff(client, t.brand.slug, t.brand.staff);
  return { client, token: undefined };
}
