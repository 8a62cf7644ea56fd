import type { MemberAttributes } from '../entities/index.ts';

/** What the brand may say about a customer: bounded, so that no token or call can bloat a row. */
export const ATTRIBUTE_LIMITS = { keys: 20, keyLength: 40, stringLength: 200 } as const;

/** A key reads as a name in the console and in a segment's rules: "plan", "monthly_revenue", "crm.tier". */
export const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * The attributes the brand gave, checked: an object of at most 20 keys, each 1–40 letters, digits,
 * "_", "." or "-" (starting with a letter), each value a string of at most 200 characters, a finite
 * number or a boolean. Keys come back sorted, so that equal attributes compare equal as JSON.
 * Throws an AttributesError that says, for the brand's developers, what is wrong and where.
 */
export function checkAttributes(value: unknown): MemberAttributes {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttributesError('must be an object of keys to strings, numbers or booleans');
  }
  const entries = Object.entries(value);
  if (entries.length > ATTRIBUTE_LIMITS.keys) {
    throw new AttributesError(`has ${entries.length} keys; at most ${ATTRIBUTE_LIMITS.keys} are allowed`);
  }
  const checked: MemberAttributes = {};
  for (const [key, v] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (key.length > ATTRIBUTE_LIMITS.keyLength || !ATTRIBUTE_KEY.test(key)) {
      throw new AttributesError(
        `key "${key.slice(0, 60)}" must be 1–${ATTRIBUTE_LIMITS.keyLength} letters, digits, "_", "." or "-", starting with a letter`,
      );
    }
    if (typeof v === 'string') {
      if (v.length > ATTRIBUTE_LIMITS.stringLength) {
        throw new AttributesError(`"${key}" is longer than ${ATTRIBUTE_LIMITS.stringLength} characters`);
      }
      // Control characters would show as nothing (or break a CSV line) in the console.
      if (/\p{Cc}/u.test(v)) throw new AttributesError(`"${key}" holds control characters`);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new AttributesError(`"${key}" must be a finite number`);
    } else if (typeof v !== 'boolean') {
      throw new AttributesError(`"${key}" must be a string, a number or a boolean`);
    }
    checked[key] = v;
  }
  return checked;
}

/**
 * Whether two sets of attributes say the same, whatever their keys' order (PostgreSQL's jsonb
 * gives keys back shortest first).
 */
export function sameAttributes(
  a: MemberAttributes | null | undefined,
  b: MemberAttributes | null | undefined,
): boolean {
  const canonical = (v: MemberAttributes | null | undefined) =>
    v == null ? 'null' : JSON.stringify(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return canonical(a) === canonical(b);
}

/** Attributes refused: the message completes "attributes …" for the brand's developers. */
export class AttributesError extends Error {}
