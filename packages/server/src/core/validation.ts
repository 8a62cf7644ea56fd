import { LOCALES, type Locale, matchLocale } from '@rapport/shared/i18n/locales.ts';
import { characters, type TextRule } from '@rapport/shared/limits.ts';
import type { MessageId } from '../i18n/say.ts';
import { badInput } from './errors.ts';

export { LIMITS, type TextRule } from '@rapport/shared/limits.ts';

/**
 * Lengths only the server and the console check: kept out of the shared LIMITS, which the widget
 * bundles (its start is on a byte budget).
 */
export const SERVER_LIMITS = {
  apiKeyName: { field: 'name', label: 'Name', min: 1, max: 80 },
  segmentName: { field: 'name', label: 'Name', min: 1, max: 80 },
  /** The brand's own id for a customer (the SSO token's `sub`). */
  externalId: { field: 'externalId', label: 'External id', min: 1, max: 200 },
  askQuestion: { field: 'question', label: 'Question', min: 1, max: 200 },
  askDetails: { field: 'details', label: 'Details', min: 0, max: 5000 },
  askChoice: { field: 'choices', label: 'Choice', min: 1, max: 120 },
  askAnswer: { field: 'text', label: 'Answer', min: 1, max: 2000 },
} as const;

// C0/C1 control characters other than tab, newline and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What a person calls the field, in their language (`label.<rule's English label>`). */
const labelOf = (rule: TextRule) => ({ id: `label.${rule.label}` as MessageId });

/** A required text left out or empty: "Question cannot be empty.", naming its field. */
export function empty(rule: TextRule) {
  return badInput(['error.text.empty', { label: labelOf(rule) }], rule.field);
}

/**
 * Trims and checks a piece of user text. Lengths are counted in characters (code points), as a
 * person counts them. The text is otherwise stored exactly as given: it is rendered as text.
 */
export function text(value: string, rule: TextRule): string {
  const trimmed = value.trim();
  if (CONTROL.test(trimmed)) throw badInput(['error.text.control', { label: labelOf(rule) }], rule.field);
  const length = characters(trimmed);
  if (length < rule.min) {
    if (rule.min === 1) throw empty(rule);
    throw badInput(['error.text.short', { label: labelOf(rule), min: rule.min }], rule.field);
  }
  if (length > rule.max) {
    throw badInput(['error.text.long', { label: labelOf(rule), max: rule.max, length }], rule.field);
  }
  return trimmed;
}

/** A single-line text: no line breaks either (names, titles). */
export function line(value: string, rule: TextRule): string {
  const result = text(value, rule);
  if (/[\r\n]/.test(result)) throw badInput(['error.text.singleLine', { label: labelOf(rule) }], rule.field);
  return result;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export function slug(value: string): string {
  if (!SLUG.test(value)) {
    throw badInput('error.slug', 'slug');
  }
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function email(value: string): string {
  const normalized = value.trim().toLowerCase();
  if (normalized.length > 254 || !EMAIL.test(normalized)) throw badInput('error.email', 'email');
  return normalized;
}

/** An origin exactly as browsers send it in the Origin header: scheme://host[:port], nothing else. */
export function origin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput(['error.origin', { value }], 'origin');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw badInput(['error.origin', { value }], 'origin');
  }
  return url.origin;
}

/** One of the locales Rapport ships (shared/i18n/locales.ts), as asked (de-AT is de), or refused. */
export function shippedLocale(value: string, field: string): Locale {
  const locale = matchLocale(value);
  if (!locale) throw badInput(['error.locale', { locales: LOCALES.join(', ') }], field);
  return locale;
}

export function httpUrl(value: string, field: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
  } catch {}
  throw badInput('error.httpUrl', field);
}

/** `first` of a connection: 1..max, default when absent. */
export function pageSize(first: number | null | undefined, max = 50, fallback = 20): number {
  if (first == null) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput({ forDevelopers: `"first" must be between 1 and ${max}.` }, 'first');
  }
  return first;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
/** A client's retry key: 8–100 letters, digits or `_ . : -` (a UUID is the usual choice). */
export function idempotencyKey(value: string): string {
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw badInput(
      {
        forDevelopers:
          'The idempotency key must be 8 to 100 letters, digits or the characters _ . : - (a UUID, for example).',
      },
      'idempotencyKey',
    );
  }
  return value;
}
