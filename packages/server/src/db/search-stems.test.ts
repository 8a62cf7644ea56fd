import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Orm } from './em.ts';
import { openOrm } from './orm.ts';
import { englishStem, stemmedText } from './search-stems.ts';

/** SQLite's own database object, as the ORM opens it (with rapport_stems registered). */
interface Native {
  exec(sql: string): void;
  prepare(sql: string): { run(...values: unknown[]): unknown; all(...values: unknown[]): { offset: number }[] };
}

/**
 * SQLite's own unicode61 tokenizer, as the index uses it: the word positions of a text, and of its
 * stemmed text. snippet() marks the stored text by the index's positions, so they must be equal.
 */
const file = join(tmpdir(), `rapport-stems-${randomBytes(6).toString('hex')}.db`);
let orm: Orm;
let db: Native;
beforeAll(async () => {
  orm = await openOrm({ databaseUrl: file });
  db = await (orm.em.getConnection() as unknown as { getNativeClient(): Promise<Native> }).getNativeClient();
  for (const table of ['plain', 'stemmed']) {
    db.exec(`create virtual table ${table} using fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
      create virtual table ${table}_words using fts5vocab(${table}, instance);`);
  }
});
afterAll(async () => {
  await orm?.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
});

let row = 0;
function positions(text: string): { plain: number[]; stemmed: number[] } {
  row += 1;
  db.prepare('insert into plain (rowid, body) values (?, ?)').run(row, text);
  db.prepare('insert into stemmed (rowid, body) values (?, rapport_stems(?))').run(row, text);
  const read = (table: string) =>
    db
      .prepare(`select offset from ${table}_words where doc = ? order by offset`)
      .all(row)
      .map((r) => r.offset);
  return { plain: read('plain'), stemmed: read('stemmed') };
}

it('holds English words as their Snowball stems, as PostgreSQL’s english configuration does', () => {
  // Porter's 1980 stemmer (FTS5's porter) gave "monthli" and "gener": neither met "month".
  expect(stemmedText('Monthly plans every month, generously')).toBe('month plan everi month, generous');
  expect(stemmedText('notifications deleted skies dying')).toBe('notif delet sky die');
  // Accented Latin letters fold first, as unaccent does before PostgreSQL stems.
  expect(stemmedText('Naïve résumés, clichés')).toBe('naiv resum, clich');
});

it('keeps every word in its place by SQLite’s own tokenizer, so snippets mark the stored text', () => {
  const texts = [
    'Café déjà-vu: 2kg naïve, don’t “Monthly” 日本語のテキスト hi\u0301king ok',
    're\u0301sume\u0301s e\u0301te\u0301s',
    'Monthly\u{10940} monthly\u200dplans \uE000monthly ｍｏｎｔｈｌｙ ﬁnally Ωmega monthly2 2monthly',
    `nul\u0000monthly ${'a'.repeat(5000)} ${'monthly'.repeat(20)}`,
    "it's the users' o'clock—dash_under_score x×y ß straße œuvres",
    // Combining marks unicode61 splits words at (strikethrough, overline).
    'running\u0305walking p\u0336l\u0336a\u0336n\u0336s\u0336 cancelled, planning\u0332s',
  ];
  for (const text of texts) {
    const { plain, stemmed } = positions(text);
    expect(stemmed, text).toEqual(plain);
  }
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pieces = [
    'monthly',
    'é',
    'e\u0301',
    '\u0336',
    '\u0305',
    ' ',
    '’',
    '-',
    "'",
    '2',
    'ß',
    '日',
    '\u{1F600}',
    'Ω',
    '\u0903',
    'ing',
    '\u00D7',
    '_',
  ];
  for (let i = 0; i < 300; i++) {
    const text = Array.from({ length: 12 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    const { plain, stemmed } = positions(text);
    expect(stemmed, JSON.stringify(text)).toEqual(plain);
  }
});

it('stems words next to any character, each still one word where it was', () => {
  // Curly quotes and apostrophes come from phone keyboards: the word beside them is stemmed too.
  expect(stemmedText('“Monthly” users’ planning—and monthly\u00A0plans')).toBe(
    '“month” user’ plan—and month\u00A0plan',
  );
  // Glued to a digit or another script, it is part of one of unicode61's words, stemmed in place.
  expect(stemmedText('Monthly\u{10940} 2monthly monthly2')).toBe('month\u{10940} 2month month2');
});

it('leaves words longer than any English word as they are, and makes a stem of letters of every other', () => {
  const long = 'monthly'.repeat(10);
  expect(stemmedText(long)).toBe(long);
  expect(englishStem(long)).toBe(long);
  // And as written, accents and all: only a word that is stemmed is folded.
  expect(stemmedText('Résumé'.repeat(8))).toBe('Résumé'.repeat(8));
  const sample = 'y yes sky skies ly ied eed eeds eedly ing ings ed ly happily Yelling sayings arsenal generation';
  for (const word of sample.split(' ')) expect(stemmedText(word)).toMatch(/^[a-z]+$/);
});
