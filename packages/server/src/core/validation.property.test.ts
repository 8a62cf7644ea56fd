/**
 * Properties of every input validator, checked on thousands of generated inputs (fast-check):
 * each one either returns a value that satisfies its rule or refuses with BAD_USER_INPUT naming
 * the field; nothing else ever escapes (no TypeError, no crash on odd Unicode or huge input).
 */

import { characters } from '@rapport/shared/limits.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import * as valid from './validation.ts';

/** Runs a validator: its value, or the AppError it refused with (anything else fails the property). */
function outcome<T>(run: () => T): { value: T } | { refused: AppError } {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_USER_INPUT') return { refused: error };
    throw error;
  }
}

/** Strings people (and attackers) send: any Unicode, control characters, lots of whitespace. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\r', '\u0000', '\u200b', 'a', '😀', '<', '>'), maxLength: 60 }),
);

describe('text and line', () => {
  const rules = fc.record({
    field: fc.constant('f'),
    label: fc.constant('Reason'),
    min: fc.integer({ min: 0, max: 10 }),
    max: fc.integer({ min: 10, max: 120 }),
  });

  it('return trimmed text within the rule, without control characters, or refuse naming the field', () => {
    fc.assert(
      fc.property(anyText, rules, (value, rule) => {
        const result = outcome(() => valid.text(value, rule));
        if ('value' in result) {
          expect(result.value).toBe(value.trim());
          expect(characters(result.value)).toBeGreaterThanOrEqual(rule.min);
          expect(characters(result.value)).toBeLessThanOrEqual(rule.max);
          expect(valid.CONTROL.test(result.value)).toBe(false);
        } else {
          expect(result.refused.details.field).toBe('f');
          expect(result.refused.message.startsWith('Reason')).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('line accepts exactly what text accepts, minus line breaks', () => {
    fc.assert(
      fc.property(anyText, rules, (value, rule) => {
        const asText = outcome(() => valid.text(value, rule));
        const asLine = outcome(() => valid.line(value, rule));
        const hasBreak = 'value' in asText && /[\r\n]/.test(asText.value);
        expect('value' in asLine).toBe('value' in asText && !hasBreak);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('identifiers and addresses', () => {
  it('slug: accepted slugs come back unchanged and are 1–64 safe characters', () => {
    const slugish = fc.string({ unit: fc.constantFrom(...'abz09-_A .'.split('')), maxLength: 70 });
    fc.assert(
      fc.property(fc.oneof(slugish, anyText), (value) => {
        const result = outcome(() => valid.slug(value));
        if ('value' in result) {
          expect(result.value).toBe(value);
          expect(result.value).toMatch(/^[a-z0-9-]{1,64}$/);
          expect(result.value.startsWith('-') || result.value.endsWith('-')).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('email: accepted addresses are trimmed, lower-case, one @, at most 254 characters; real ones pass', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), anyText), (value) => {
        const result = outcome(() => valid.email(value));
        if ('value' in result) {
          expect(result.value).toBe(value.trim().toLowerCase());
          expect(result.value.length).toBeLessThanOrEqual(254);
          expect(result.value.split('@')).toHaveLength(2);
          expect(/\s/.test(result.value)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.emailAddress(), (value) => {
        fc.pre(value.length <= 254 && /\.[^.@]+$/.test(value));
        expect('value' in outcome(() => valid.email(value))).toBe(true);
      }),
    );
  });

  it('origin: accepted values are exactly a URL origin (scheme, host, port; no path)', () => {
    const urls = fc.webUrl({ withQueryParameters: true, withFragments: true });
    fc.assert(
      fc.property(
        fc.oneof(
          urls,
          urls.map((u) => new URL(u).origin),
          anyText,
        ),
        (value) => {
          const result = outcome(() => valid.origin(value));
          if ('value' in result) {
            expect(result.value).toBe(new URL(result.value).origin);
            expect(['http:', 'https:']).toContain(new URL(result.value).protocol);
          }
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(urls, (value) => {
        expect(valid.origin(new URL(value).origin)).toBe(new URL(value).origin);
      }),
    );
  });

  it('httpUrl: accepted values parse as http(s) URLs, and every web URL is accepted', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), anyText), (value) => {
        const result = outcome(() => valid.httpUrl(value, 'url'));
        if ('value' in result) expect(['http:', 'https:']).toContain(new URL(result.value).protocol);
        else expect(result.refused.details.field).toBe('url');
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.webUrl(), (value) => {
        expect('value' in outcome(() => valid.httpUrl(value, 'url'))).toBe(true);
      }),
    );
  });

  it('pageSize: an integer from 1 to the maximum, the default when absent', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ min: -100, max: 200 }), fc.constant(null)),
        fc.integer({ min: 1, max: 100 }),
        (first, max) => {
          const result = outcome(() => valid.pageSize(first, max, Math.min(20, max)));
          if ('value' in result) {
            expect(Number.isInteger(result.value)).toBe(true);
            expect(result.value).toBeGreaterThanOrEqual(1);
            expect(result.value).toBeLessThanOrEqual(max);
          }
          expect('value' in result).toBe(first == null || (Number.isInteger(first) && first >= 1 && first <= max));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('idempotencyKey: every UUID is a key; accepted keys are 8–100 safe characters', () => {
    fc.assert(
      fc.property(fc.uuid(), (value) => {
        expect(valid.idempotencyKey(value)).toBe(value);
      }),
    );
    fc.assert(
      fc.property(anyText, (value) => {
        const result = outcome(() => valid.idempotencyKey(value));
        if ('value' in result) expect(result.value).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/);
        else expect(result.refused.details.field).toBe('idempotencyKey');
      }),
      { numRuns: 2000 },
    );
  });

  it('isUuid: true exactly for UUIDs, in any letter case', () => {
    fc.assert(
      fc.property(fc.uuid(), (value) => {
        expect(valid.isUuid(value) && valid.isUuid(value.toUpperCase())).toBe(true);
      }),
    );
    fc.assert(
      fc.property(anyText, (value) => {
        if (valid.isUuid(value)) expect(value).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i);
      }),
    );
  });
});
