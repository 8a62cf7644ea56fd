import { ConnectionException, DriverException } from '@mikro-orm/core';
import { PothosValidationError } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { AppError } from '../services/errors.ts';

/** The error a resolver threw, under GraphQL's wrapping. */
export function originalError(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

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
    return new GraphQLError(original.message, {
      ...locationOf(error),
      // A duplicate names the original by the id clients know it by (a global id).
      extensions: {
        code: original.code,
        ...details,
        ...(existing ? { existingId: encodeGlobalID(existing.type, existing.id) } : {}),
      },
    });
  }
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { ...locationOf(error), extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (original instanceof ConnectionException || isUnreachable(original)) {
    return new GraphQLError('The service is briefly unavailable. Please try again in a moment.', {
      ...locationOf(error),
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
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

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof DriverException) && !(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', 'SQLITE_BUSY'].includes(code ?? '');
}
