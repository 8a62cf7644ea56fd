/**
 * Failures a person can act on. Services throw these; the GraphQL layer turns them into errors
 * with `extensions.code` (and the CLI into a message and exit code). Anything else that escapes is
 * a bug and is masked as an unexpected error.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorDetails {
  /** The input field at fault, for forms that show the message next to it. */
  field?: string;
  /** Seconds until the caller may retry (RATE_LIMITED). */
  retryAfter?: number;
  /** The row this one duplicates (CONFLICT), so a client can show it instead. */
  existing?: { type: 'Thread' | 'Reply'; id: string };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: ErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
