/**
 * The console's language (@lit/localize, runtime mode), as in the widget: English is built in,
 * every other locale is a module loaded when chosen. Messages are ICU, written with `msg()`
 * beside their templates and formatted by `t()`.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { firstLocale, LOCALES, type Locale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { formatMessage, type MessageValues } from '@rapport/shared/i18n/message-format.ts';

/** Each locale's messages: a chunk of its own, named one by one so the bundler makes one chunk each. */
const MODULES = {
  de: () => import('../generated/locales/de.ts'),
  fr: () => import('../generated/locales/fr.ts'),
  es: () => import('../generated/locales/es.ts'),
  'pt-BR': () => import('../generated/locales/pt-BR.ts'),
  it: () => import('../generated/locales/it.ts'),
  nl: () => import('../generated/locales/nl.ts'),
  pl: () => import('../generated/locales/pl.ts'),
  tr: () => import('../generated/locales/tr.ts'),
  ja: () => import('../generated/locales/ja.ts'),
  'zh-CN': () => import('../generated/locales/zh-CN.ts'),
  ko: () => import('../generated/locales/ko.ts'),
  ar: () => import('../generated/locales/ar.ts'),
  he: () => import('../generated/locales/he.ts'),
} satisfies Record<Exclude<Locale, typeof SOURCE_LOCALE>, () => Promise<LocaleModule>>;

const config = {
  sourceLocale: SOURCE_LOCALE,
  targetLocales: LOCALES.filter((locale) => locale !== SOURCE_LOCALE),
  loadLocale: (locale: string) => MODULES[locale as keyof typeof MODULES](),
};

/**
 * lit-localize can be configured once per copy. admin.js and widget.js each bundle their own, but
 * the component tests load the widget's sources beside the console's (the theme preview), sharing
 * one: there the console stays in English.
 */
function configure(): { getLocale: () => string; setLocale: (locale: string) => Promise<void> } {
  try {
    return configureLocalization(config);
  } catch {
    return { getLocale: () => SOURCE_LOCALE, setLocale: () => Promise.resolve() };
  }
}

const { getLocale, setLocale } = configure();

export { setLocale };

/** The locale the console shows now. */
export const currentLocale = (): Locale => getLocale() as Locale;

/** A message (from `msg()`) with its arguments put in, in the current locale. */
export const t = (message: string, values: MessageValues = {}): string =>
  formatMessage(message, values, currentLocale());

/** The language a staff member works in: their own choice, else their browser's, else English. */
export const chooseLocale = (staffLocale: string | null | undefined): Locale =>
  firstLocale([staffLocale, ...navigator.languages]) ?? SOURCE_LOCALE;

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the current locale (its digits, separators and, with options, its style). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${currentLocale()} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(currentLocale(), options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** "Ann, Ben and Cat" (or, as `unit`, "Ann, Ben, Cat"), in the current locale. */
export const listOf = (items: string[], type: 'conjunction' | 'unit' = 'conjunction'): string =>
  new Intl.ListFormat(currentLocale(), { style: type === 'unit' ? 'short' : 'long', type }).format(items);
