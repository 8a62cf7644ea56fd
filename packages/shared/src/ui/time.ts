const relativeTimes = new Map<string | undefined, Intl.RelativeTimeFormat>();

/** One format per language: a list shows a time on every row. */
function relativeTime(locale: string | undefined): Intl.RelativeTimeFormat {
  let format = relativeTimes.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeTimes.set(locale, format);
  }
  return format;
}

/** "3 days ago", in `locale` (the browser's language without one). */
export function timeAgo(iso: string, now = Date.now(), locale?: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = relativeTime(locale);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** "3 hours", "2 days": how long since `iso`, in the reader's language (for "waiting 3 hours"). */
export function durationSince(iso: string, now = Date.now(), locale?: string): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const units: [string, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(
        Math.floor(seconds / size),
      );
    }
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(0);
}

/**
 * A date and time no one can misread, in `locale`: the month in words ("4 Dec 2026, 14:05"),
 * never a bare 12/11/2026.
 */
export const dateTime = (iso: string, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { ...DAY, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** A date no one can misread, in `locale` ("4 Dec 2026", "4. Dez. 2026", "2026年12月4日"). */
export const dateOnly = (iso: string, locale?: string): string =>
  new Intl.DateTimeFormat(locale, DAY).format(new Date(iso));

// The month in words: `dateStyle: 'medium'` is all digits in some languages (de: 04.12.2026).
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
