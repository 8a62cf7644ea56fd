import { createLogger, type YogaLogger } from 'graphql-yoga';
import { isExpectedError } from './error-mask.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Yoga's logger, minus the noise: yoga logs every error it rewrites, and a person typing a too
 * short title is not a server error. Expected errors go to debug; bugs stay at error.
 */
export function createServerLogger(level: LogLevel): YogaLogger {
  const base = createLogger(level);
  return {
    ...base,
    error: (...args: unknown[]) => {
      if (args.length > 0 && args.every(isExpectedError)) return base.debug(...args);
      base.error(...args);
    },
  };
}
