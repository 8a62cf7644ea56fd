/**
 * The languages Rapport speaks, and how a language someone asks for (an element's `lang`, a
 * token's claim, the browser's list) becomes one of them. The server, the widget and the console
 * share this list.
 */
export const SOURCE_LOCALE = 'en';

export const LOCALES = [
  'en',
  'de',
  'fr',
  'es',
  'pt-BR',
  'it',
  'nl',
  'pl',
  'tr',
  'ja',
  'zh-CN',
  'ko',
  'ar',
  'he',
] as const;

export type Locale = (typeof LOCALES)[number];

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'he']);

/** The writing direction of a locale's script. */
export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr');

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** Old or alternative codes for a shipped language. */
const ALIASES: Record<string, Locale> = { iw: 'he', pt: 'pt-BR', zh: 'zh-CN', 'zh-hans': 'zh-CN', 'zh-sg': 'zh-CN' };

/**
 * The shipped locale a BCP 47 tag asks for, or null: an exact match (any case), else the same
 * language (de-AT is de; pt-PT is pt-BR, the Portuguese shipped). Traditional Chinese is not
 * simplified Chinese, so zh-TW and zh-Hant match nothing.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const wanted = tag.trim().replaceAll('_', '-').toLowerCase();
  if (!wanted || wanted.length > 35) return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  if (/^zh-(hant|tw|hk|mo)\b/.test(wanted)) return null;
  for (const [alias, locale] of Object.entries(ALIASES)) {
    if (wanted === alias || wanted.startsWith(`${alias}-`)) return locale;
  }
  const language = wanted.split('-')[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null;
}

/** The first of `tags` (in order of preference) that names a shipped locale. */
export function firstLocale(tags: Iterable<string | null | undefined>): Locale | null {
  for (const tag of tags) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return null;
}
