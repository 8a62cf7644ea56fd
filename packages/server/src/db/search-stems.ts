import stem from 'wink-porter2-stemmer';

/**
 * English words as SQLite's search index holds them: each word of ASCII letters becomes its
 * Snowball English (Porter2) stem, the algorithm of PostgreSQL's english configuration. FTS5's
 * porter tokenizer is Porter's 1980 stemmer ("monthly" → "monthli", so "month" never found
 * it), and better-sqlite3 cannot give FTS5 a tokenizer written in JavaScript, so the text is
 * stemmed before it is indexed (the search_stems migration).
 *
 * Every other character is kept and each word stays one word, so the index's word positions are
 * those of the stored text, which snippet() reads and marks. Words with other letters or digits
 * are left as they are: unicode61 splits and folds them exactly as before.
 */
export function stemmedText(text: string): string {
  return text.replace(WORD, (word) => (ENGLISH.test(word) ? stem(word.toLowerCase()) : word));
}

/** At least every character unicode61 takes as part of a word (L*, N*, Co), and marks. */
const WORD = /[\p{L}\p{M}\p{N}\p{Co}]+/gu;
const ENGLISH = /^[A-Za-z]+$/;

/** The SQL function the index's triggers call (the ORM registers it on every SQLite connection). */
export const STEMS_FUNCTION = 'rapport_stems';

interface NativeSqlite {
  function(name: string, options: { deterministic: boolean }, fn: (text: unknown) => unknown): unknown;
}

export function registerSearchStems(db: NativeSqlite): void {
  db.function(STEMS_FUNCTION, { deterministic: true }, (text) => (typeof text === 'string' ? stemmedText(text) : text));
}
