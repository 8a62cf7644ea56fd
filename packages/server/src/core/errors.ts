/**
 * Failures a person can act on. Services throw these; the GraphQL layer turns them into errors
 * with `extensions.code` (and the CLI into a message and exit code). Anything else that escapes is
 * a bug and is masked as an unexpected error.
 */
import { type Locale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { type MessageId, type MessageValues, say } from '../i18n/say.ts';

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

/**
 * What an error says: a message id of the server's catalogs (with its values), said in the
 * language of whoever reads it; or, for errors only a developer meets (a malformed id, a query
 * too complex), English text as it stands.
 */
export type ErrorText = MessageId | readonly [MessageId, MessageValues] | { readonly forDevelopers: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails;
  readonly #text: ErrorText;

  constructor(code: ErrorCode, text: ErrorText, details: AppErrorDetails = {}) {
    super(sayError(SOURCE_LOCALE, text));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.#text = text;
  }

  /** The message in `locale` (`message` is the English one, for logs and the CLI). */
  in(locale: Locale): string {
    return locale === SOURCE_LOCALE ? this.message : sayError(locale, this.#text);
  }
}

function sayError(locale: Locale, text: ErrorText): string {
  if (typeof text === 'string') return say(locale, text);
  if ('forDevelopers' in text) return text.forDevelopers;
  return say(locale, text[0], text[1]);
}

export const badInput = (text: ErrorText, field?: string) =>
  new AppError('BAD_USER_INPUT', text, field ? { field } : {});
export const notFound = (text: ErrorText) => new AppError('NOT_FOUND', text);
export const forbidden = (text: ErrorText) => new AppError('FORBIDDEN', text);
export const unauthenticated = (text: ErrorText) => new AppError('UNAUTHENTICATED', text);
export const conflict = (text: ErrorText) => new AppError('CONFLICT', text);
