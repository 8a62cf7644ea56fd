import { GraphQLError } from 'graphql';
import { createLogger, type YogaLogger } from 'graphql-yoga';
import { isExpectedError } from './error-mask.ts';

/** Requests yoga refuses itself (a missing CSRF header, a bad method): anyone can send them. */
const isRefusal = (error: unknown) => {
  const status = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown })?.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/** At most one warning a minute about refused requests, with how many and why: no flood, no stacks. */
const REFUSALS_EVERY_MS = 60_000;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Yoga's logger, minus the noise: yoga logs every error it rewrites, and a person typing a too
 * short title is not a server error. Expected errors go to debug; requests yoga refuses (CSRF)
 * become one warning a minute at most; bugs stay at error.
 */
export function createServerLogger(level: LogLevel, now = () => Date.now()): YogaLogger {
  const base = createLogger(level);
  let refused = new Map<string, number>();
  let since = 0;
  const noteRefusals = (errors: GraphQLError[]) => {
    for (const e of errors) refused.set(e.message, (refused.get(e.message) ?? 0) + 1);
    if (now() - since < REFUSALS_EVERY_MS) return;
    const summary = [...refused].map(([why, n]) => `${n} × ${why}`).join('; ');
    base.warn(`Refused requests (since the last note): ${summary}`);
    refused = new Map();
    since = now();
  };
  return {
    ...base,
    error: (...args: unknown[]) => {
      if (args.length > 0 && args.every(isExpectedError)) return base.debug(...args);
      if (args.length > 0 && args.every(isRefusal)) return noteRefusals(args as GraphQLError[]);
      base.error(...args);
    },
  };
}
