/**
 * lit-localize's runtime, loaded with the first language other than English (localize.ts). Each
 * locale's messages are a chunk of their own, named one by one so the bundler makes one chunk each.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { LOCALES, type Locale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';

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

export const localization = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: LOCALES.filter((locale) => locale !== SOURCE_LOCALE),
  loadLocale: (locale) => MODULES[locale as keyof typeof MODULES](),
});
