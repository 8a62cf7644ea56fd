import { ConnectionException } from '@mikro-orm/core';
import { PothosValidationError } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { AppError } from '../core/errors.ts';

/** The error a resolver threw, under GraphQL's wrapping. */
export function originalError(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

const maskedFrom = new WeakMap<GraphQLError, AppError>();

/** The AppError a masked error was made from, for saying it in the reader's language. */
export const appErrorOf = (error: GraphQLError): AppError | undefined => maskedFrom.get(error);

/** Whether an error is one a person caused and can act on, as opposed to a bug or an outage. */
export function isExpectedError(error: unknown): boolean {
  const original = originalError(error);
  return original instanceof AppError || original instanceof PothosValidationError;
}

function locationOf(error: unknown) {
  return error instanceof GraphQLError
    ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path }
    : {};
}

/** Codes for errors yoga raises itself with only an HTTP status. */
const CODE_FOR_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Gives every error a stable `extensions.code`: AppErrors keep their code and message; malformed
 * ids and arguments become BAD_USER_INPUT; a database that cannot be reached becomes
 * SERVICE_UNAVAILABLE; anything else is a bug, masked as "Unexpected error." (and logged).
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = originalError(error);
  if (original instanceof AppError) {
    const { existing, ...details } = original.details;
    const masked = new GraphQLError(original.message, {
      ...locationOf(error),
      // A duplicate names the original by the id clients know it by (a global id).
      extensions: {
        code: original.code,
        ...details,
        ...(existing ? { existingId: encodeGlobalID(existing.type, existing.id) } : {}),
        // Unavailable for a known while (the process is stopping): a 503 that says when to come back.
        ...(original.code === 'SERVICE_UNAVAILABLE' && details.retryAfter
          ? { http: { status: 503, headers: { 'retry-after': String(details.retryAfter) } } }
          : {}),
      },
    });
    // Not as its originalError: yoga answers an error with a non-GraphQL original as a 500.
    maskedFrom.set(masked, original);
    return masked;
  }
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { ...locationOf(error), extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (original instanceof ConnectionException || isUnreachable(original)) {
    return new GraphQLError('The service is briefly unavailable. Please try again in a moment.', {
      ...locationOf(error),
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
      },
    });
  }
  if (error instanceof GraphQLError && !error.originalError) {
    // Parse, validation and HTTP errors: already addressed to the client.
    if (error.extensions.code) return error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status;
    const code = (status && CODE_FOR_STATUS[status]) || 'GRAPHQL_VALIDATION_FAILED';
    return new GraphQLError(error.message, { ...locationOf(error), extensions: { ...error.extensions, code } });
  }
  return yogaMaskError(error, message, isDev);
}

/** How long a client is asked to wait before trying again when the database is overloaded or away. */
const RETRY_AFTER_SECONDS = 2;

/** Error codes of a database that cannot serve now: unreachable, restarting, overloaded, too slow. */
const UNAVAILABLE_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  // PostgreSQL: shutting down, starting up, too many connections, cancelled (statement timeout)
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
  // PostgreSQL: the connection failed or was lost
  '08000',
  '08003',
  '08006',
  // SQLite: another process holds the write lock, or its snapshot went stale under another writer
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
];

/**
 * pg's pool and client say it in words only: no free connection in time (overload), a connection
 * cut or broken, no answer in time (a hung server).
 */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /not queryable/i,
  /query read timeout/i,
  /canceling statement due to statement timeout/i,
];

function isUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: string }).code;
    if (UNAVAILABLE_CODES.includes(code ?? '')) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : '')))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
