/**
 * The widget's language (@lit/localize, runtime mode). English is built in: `msg()` answers in it
 * until another locale is chosen, and only then is lit-localize's runtime (runtime.ts) and that
 * locale's chunk fetched, so neither weighs on a page in English. Messages are ICU
 * (`{count, plural, one {# vote} other {# votes}}`), written with `msg()` beside their templates
 * and formatted by `t()`.
 */
import { type Locale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { formatMessage, type MessageValues } from '@rapport/shared/i18n/message-format.ts';

let runtime: Promise<typeof import('./runtime.ts')> | undefined;
let activeLocale: () => string = () => SOURCE_LOCALE;
/** The locale last asked for (it may still be loading): the last ask wins. */
let requested: Locale = SOURCE_LOCALE;

/** Shows `locale` (fetching its messages first); every localized component draws itself again. */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === requested) return;
  requested = locale;
  if (!runtime && locale === SOURCE_LOCALE) return;
  runtime ??= import('./runtime.ts');
  const { localization } = await runtime;
  activeLocale = localization.getLocale;
  await localization.setLocale(locale);
}

/** The locale the widget shows now. */
export const currentLocale = (): Locale => activeLocale() as Locale;

/** A message (from `msg()`) with its arguments put in, in the current locale. */
export const t = (message: string, values: MessageValues = {}): string =>
  formatMessage(message, values, currentLocale());
