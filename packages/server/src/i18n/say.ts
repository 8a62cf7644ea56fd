/**
 * What the server writes for people (emails, the unsubscribe page, consent texts) in their
 * language: ICU messages by id, one JSON catalog per shipped locale, formatted with
 * intl-messageformat. test/i18n/catalogs.test.ts checks every catalog is complete and valid.
 */
import { type Locale, matchLocale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './messages/ar.json' with { type: 'json' };
import de from './messages/de.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import he from './messages/he.json' with { type: 'json' };
import it from './messages/it.json' with { type: 'json' };
import ja from './messages/ja.json' with { type: 'json' };
import ko from './messages/ko.json' with { type: 'json' };
import nl from './messages/nl.json' with { type: 'json' };
import pl from './messages/pl.json' with { type: 'json' };
import ptBR from './messages/pt-BR.json' with { type: 'json' };
import tr from './messages/tr.json' with { type: 'json' };
import zhCN from './messages/zh-CN.json' with { type: 'json' };

export type MessageId = keyof typeof en;

/** A value put into a message: text, a number, or another message said in the same language. */
export type MessageValue = string | number | { readonly id: MessageId; readonly values?: MessageValues };
export interface MessageValues {
  readonly [name: string]: MessageValue;
}

const CATALOGS: Record<Locale, Partial<Record<MessageId, string>>> = {
  en,
  de,
  fr,
  es,
  'pt-BR': ptBR,
  it,
  nl,
  pl,
  tr,
  ja,
  'zh-CN': zhCN,
  ko,
  ar,
  he,
};

const formats = new Map<string, IntlMessageFormat>();

/** The message `id` in `locale` (English where a catalog lacks it), with `values` put in. */
export function say(locale: Locale, id: MessageId, values: MessageValues = {}): string {
  const key = `${locale}\n${id}`;
  let format = formats.get(key);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[locale][id] ?? en[id], locale);
    formats.set(key, format);
  }
  return String(format.format(said(locale, values)));
}

function said(locale: Locale, values: MessageValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = typeof value === 'object' ? say(locale, value.id, value.values) : value;
  }
  return out;
}

/** A shipped locale from a stored or claimed code; the source locale for anything else. */
export const localeOr = (...candidates: (string | null | undefined)[]): Locale => {
  for (const candidate of candidates) {
    const locale = matchLocale(candidate);
    if (locale) return locale;
  }
  return SOURCE_LOCALE;
};
