import { expect, it } from 'vitest';
import { stemmedText } from './search-stems.ts';

/** unicode61's words (letters, digits, private use), to compare positions. */
const words = (text: string) => text.match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [];

it('holds English words as their Snowball stems, as PostgreSQL’s english configuration does', () => {
  // Porter's 1980 stemmer (FTS5's porter) gave "monthli" and "gener": neither met "month".
  expect(stemmedText('Monthly plans every month, generously')).toBe('month plan everi month, generous');
  expect(stemmedText('notifications deleted skies dying')).toBe('notif delet sky die');
});

it('keeps every other character and each word in its place, so snippets mark the stored text', () => {
  const text = 'Café déjà-vu: 2kg naïve, don’t “Monthly” 日本語のテキスト hi\u0301king ok';
  const stemmed = stemmedText(text);
  expect(words(stemmed)).toHaveLength(words(text).length);
  // Only words of ASCII letters change; the others are left for unicode61 to fold.
  expect(stemmed).toBe('Café déjà-vu: 2kg naïve, don’t “month” 日本語のテキスト hi\u0301king ok');
});

it('makes a stem of letters for every word (never empty, never another character)', () => {
  const sample = 'y yes sky skies ly ied eed eeds eedly ing ings ed ly happily Yelling sayings arsenal generation';
  for (const word of sample.split(' ')) expect(stemmedText(word)).toMatch(/^[a-z]+$/);
});
