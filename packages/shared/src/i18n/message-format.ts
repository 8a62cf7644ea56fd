/**
 * Formats the ICU MessageFormat messages of the widget and the console: `{name}`, `{n, number}`,
 * `{n, plural, =0 {…} one {# …} other {…}}` and `{x, select, a {…} other {…}}`, nested. Quoting
 * with apostrophes, `offset:` and `selectordinal` are left out: no message uses them, and the
 * catalog test refuses an apostrophe next to a brace. The server formats its own messages with
 * intl-messageformat.
 *
 * Written by hand: the widget's start budget (30 KB gzip for widget.js and what it loads at start)
 * has no room for intl-messageformat (about 10 KB gzip with its parser). A test checks this against
 * intl-messageformat in every shipped locale.
 */
import type { Locale } from './locales.ts';

export type MessageValues = Record<string, string | number | null | undefined>;

/** Text, the plural's number (`#`), or an argument: [name, type, options]. */
type Part = string | null | [name: string, type?: string, options?: Record<string, Part[]>];

const parsed = new Map<string, Part[]>();
const intl = new Map<string, [Intl.NumberFormat, Intl.PluralRules]>();

function intlOf(locale: string): [Intl.NumberFormat, Intl.PluralRules] {
  let found = intl.get(locale);
  if (!found) {
    found = [new Intl.NumberFormat(locale), new Intl.PluralRules(locale)];
    intl.set(locale, found);
  }
  return found;
}

/**
 * Makes `locale`'s number and plural rules ahead of the first message that needs them. A page's
 * first Intl object costs about 20 ms in Chromium (ICU loads its data, for every language), which
 * the widget pays while its first answers are on their way, not after they arrive.
 */
export const prepareFormats = (locale: string): void => void intlOf(locale);

/** `message` with `values` put in, in `locale`. A value the message names but is not given is an error. */
export function formatMessage(message: string, values: MessageValues, locale: Locale | string): string {
  let parts = parsed.get(message);
  if (!parts) {
    parts = parseMessage(message);
    parsed.set(message, parts);
  }
  return render(parts, values, locale);
}

/** The option `key`, else `other` (own keys only: a value like "constructor" is just a value). */
const option = (options: Record<string, Part[]>, key: string): Part[] =>
  (Object.hasOwn(options, key) ? options[key] : options.other) ?? [];

function render(parts: Part[], values: MessageValues, locale: string, count?: number): string {
  const [numbers, plurals] = intlOf(locale);
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part === null) out += count === undefined ? '#' : numbers.format(count);
    else {
      const [name, type, options = {}] = part;
      const value = values[name];
      if (value === undefined) throw new Error(`The message needs a value for "${name}".`);
      if (!type) out += value ?? '';
      else if (type === 'number') out += numbers.format(Number(value));
      else if (type === 'select') out += render(option(options, String(value)), values, locale, count);
      else {
        const n = Number(value);
        const exact = Object.hasOwn(options, `=${n}`) ? `=${n}` : plurals.select(n);
        out += render(option(options, exact), values, locale, n);
      }
    }
  }
  return out;
}

/** Parses a message; throws a SyntaxError saying where it is wrong. */
export function parseMessage(message: string): Part[] {
  let at = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at ${at} in ${JSON.stringify(message)}`);
  };
  const word = () => {
    const [all, found] = /^\s*([^\s,{}]*)\s*/.exec(message.slice(at)) as RegExpExecArray;
    at += all.length;
    return found as string;
  };
  const parts = (plural: boolean): Part[] => {
    const out: Part[] = [];
    let text = '';
    for (let c = message[at]; c !== undefined && c !== '}'; c = message[at]) {
      if (c === '{' || (c === '#' && plural)) {
        if (text) out.push(text);
        text = '';
        at++;
        out.push(c === '#' ? null : argument());
      } else {
        text += c;
        at++;
      }
    }
    if (text) out.push(text);
    return out;
  };
  const argument = (): Part => {
    const name = word();
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) fail('An argument needs a name');
    if (message[at] === '}') {
      at++;
      return [name];
    }
    if (message[at++] !== ',') fail('Expected "," or "}"');
    const type = word();
    if (type === 'number' && message[at] === '}') {
      at++;
      return [name, type];
    }
    if (type !== 'plural' && type !== 'select') fail(`Unknown argument type "${type}"`);
    if (message[at++] !== ',') fail('Expected ","');
    const options: Record<string, Part[]> = Object.create(null);
    for (let key = word(); key; key = word()) {
      if (key in options) fail(`"${key}" twice`);
      if (message[at++] !== '{') fail(`Expected "{" after "${key}"`);
      options[key] = parts(type === 'plural');
      if (message[at++] !== '}') fail(`Unclosed option "${key}"`);
    }
    if (message[at++] !== '}') fail('Unclosed argument');
    if (!Object.hasOwn(options, 'other')) fail('Every plural and select needs "other"');
    return [name, type, options];
  };
  const result = parts(false);
  if (at < message.length) fail('An unmatched "}"');
  return result;
}
