import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales.ts';
import { formatMessage, parseMessage } from './message-format.ts';

/** The reference: what intl-messageformat makes of the same message and values. */
const reference = (message: string, values: Record<string, string | number>, locale: string) =>
  String(new IntlMessageFormat(message, locale).format(values));

const MESSAGES: [string, Record<string, string | number>][] = [
  ['Plain text, no arguments.', {}],
  ['Vote for “{title}”', { title: 'Dark mode' }],
  ['{count, plural, one {# vote} other {# votes}}', { count: 1 }],
  ['{count, plural, one {# vote} other {# votes}}', { count: 1234 }],
  ['{count, plural, =0 {No votes} one {# vote} other {# votes}}', { count: 0 }],
  ['{n, plural, zero {# zero} one {# one} two {# two} few {# few} many {# many} other {# other}}', { n: 0 }],
  ['{n, plural, =0 {nobody} =1 {{name}} one {{name} and # other} other {{name} and # others}}', { n: 3, name: 'Ada' }],
  ['{kind, select, IDEA {an idea} QUESTION {a question} other {a post}} by {name}', { kind: 'QUESTION', name: 'Bo' }],
  ['{kind, select, IDEA {an idea} other {a post}}', { kind: 'PRAISE' }],
  [
    '{n, plural, one {{kind, select, IDEA {# idea} other {# post}}} other {{kind, select, IDEA {# ideas} other {# posts}}}}',
    { n: 2, kind: 'IDEA' },
  ],
  ["It’s {name}'s, an apostrophe away from braces is text", { name: 'Cy' }],
  ['{n, number} people', { n: 12345.5 }],
];

describe('formatMessage', () => {
  it('formats every kind of message as intl-messageformat does, in every shipped locale', () => {
    for (const locale of LOCALES) {
      for (const [message, values] of MESSAGES) {
        for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5]) {
          const withN =
            'n' in values || 'count' in values ? { ...values, ...('n' in values ? { n } : { count: n }) } : values;
          expect(formatMessage(message, withN, locale), `${locale}: ${message} ${JSON.stringify(withN)}`).toBe(
            reference(message, withN, locale),
          );
        }
      }
    }
  });

  it('picks the plural forms of languages with several (Polish, Arabic)', () => {
    const pl = '{n, plural, one {# głos} few {# głosy} many {# głosów} other {# głosu}}';
    expect([1, 2, 5, 22, 25, 1.5].map((n) => formatMessage(pl, { n }, 'pl'))).toEqual([
      '1 głos',
      '2 głosy',
      '5 głosów',
      '22 głosy',
      '25 głosów',
      '1,5 głosu',
    ]);
    const ar = '{n, plural, zero {صفر} one {واحد} two {اثنان} few {قليل} many {كثير} other {آخر}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => formatMessage(ar, { n }, 'ar'))).toEqual([
      'صفر',
      'واحد',
      'اثنان',
      'قليل',
      'كثير',
      'آخر',
    ]);
  });

  it('takes values and keys that look like Object properties as they are', () => {
    const message = '{kind, select, toString {a word} other {something}}';
    expect(formatMessage(message, { kind: 'constructor' }, 'en')).toBe('something');
    expect(formatMessage(message, { kind: '__proto__' }, 'en')).toBe('something');
    expect(formatMessage(message, { kind: 'toString' }, 'en')).toBe('a word');
  });

  it('refuses a missing value and a broken message, saying where', () => {
    expect(() => formatMessage('Hello {name}', {}, 'en')).toThrow('needs a value for "name"');
    expect(() => parseMessage('{n, plural, one {#}')).toThrow(SyntaxError);
    expect(() => parseMessage('{n, plural, one {# vote}}')).toThrow('needs "other"');
    expect(() => parseMessage('{n, plurl, other {x}}')).toThrow('Unknown argument type');
    expect(() => parseMessage('{n, selectordinal, other {x}}')).toThrow('Unknown argument type');
    expect(() => parseMessage('a } b')).toThrow('unmatched');
  });
});
