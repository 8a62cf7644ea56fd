import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales.ts';
import { dateOnly, dateTime, durationSince, timeAgo } from './time.ts';

const now = Date.parse('2026-11-23T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('durationSince', () => {
  it('says how long in the largest whole unit', () => {
    expect(durationSince(ago(30), now)).toBe('0 minutes');
    expect(durationSince(ago(61), now)).toBe('1 minute');
    expect(durationSince(ago(3 * 3600 + 59 * 60), now)).toBe('3 hours');
    expect(durationSince(ago(9 * 86_400), now)).toBe('9 days');
  });
  it('never goes negative for a clock slightly ahead', () => {
    expect(durationSince(new Date(now + 5000).toISOString(), now)).toBe('0 minutes');
  });
});

describe('timeAgo', () => {
  it('is relative to now', () => {
    expect(timeAgo(ago(2 * 86_400), now)).toBe('2 days ago');
    expect(timeAgo(ago(3600), now)).toBe('1 hour ago');
  });
});

describe('dates', () => {
  it('are never all digits, in any shipped language', () => {
    const iso = '2026-11-12T14:05:00Z';
    for (const locale of LOCALES) {
      // The month is a word (or the CJK month sign), so 11/12 vs 12/11 cannot be confused.
      expect(dateOnly(iso, locale), locale).not.toMatch(/^[\d\s./-]+$/);
      expect(dateTime(iso, locale), locale).toMatch(/2026/);
    }
    expect(dateOnly(iso, 'en')).toBe('Nov 12, 2026');
    expect(dateOnly(iso, 'de')).toBe('12. Nov. 2026');
    expect(timeAgo(ago(2 * 86_400), now, 'de')).toBe('vorgestern');
  });
});
