import stem from 'wink-porter2-stemmer';

/**
 * English words as SQLite's search index holds them: each English word becomes its Snowball
 * English (Porter2) stem, the algorithm of PostgreSQL's english configuration. FTS5's porter
 * tokenizer is Porter's 1980 stemmer ("monthly" → "monthli", so "month" never found it), and
 * better-sqlite3 cannot give FTS5 a tokenizer written in JavaScript, so the text is stemmed before
 * it is indexed (the search_stems migration).
 *
 * Every other character is kept and each word stays one word, so the index's word positions are
 * those of the stored text, which snippet() reads and marks. A text must stem the same way on
 * every run, or the index would be told to remove words it never held: what counts as a word
 * here is decided by fixed character ranges, not by the Unicode tables of the Node build.
 */
export function stemmedText(text: string): string {
  return text.replace(LATIN_WORD, (word, at: number, whole: string) => {
    // Glued to a digit or another script, it is part of a longer word for unicode61: left as is.
    if (!separates(whole[at - 1]) || !separates(whole[at + word.length])) return word;
    return englishStem(word.normalize('NFD').replace(COMBINING_ACCENTS, ''));
  });
}

/**
 * The Snowball stem of one English word; words longer than LONGEST_STEMMED, and any other word, as
 * they are (the stemmer takes time growing with the square of a word's length).
 */
export function englishStem(word: string): string {
  return word.length <= LONGEST_STEMMED && ENGLISH.test(word) ? stem(word.toLowerCase()) : word;
}

/** Longer than any English word ("antidisestablishmentarianism" is 28 letters). */
const LONGEST_STEMMED = 40;
const ENGLISH = /^[A-Za-z]+$/;
/**
 * ASCII letters, Latin-1's and Latin Extended-A's letters (which are letters to unicode61's Unicode
 * 6.1 tables too) and the combining accents: what may fold to an English word ("résumés").
 */
const LATIN_WORD = /(?:[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]|[\u0300-\u036F])+/g;
const COMBINING_ACCENTS = /[\u0300-\u036F]/g;
/** The end of the text or an ASCII character that is neither letter nor digit. */
const separates = (char: string | undefined) => char === undefined || (char < '\u0080' && !/[A-Za-z0-9]/.test(char));

/** The SQL function the index's triggers call (the ORM registers it on every SQLite connection). */
export const STEMS_FUNCTION = 'rapport_stems';

interface NativeSqlite {
  function(name: string, options: { deterministic: boolean }, fn: (text: unknown) => unknown): unknown;
}

export function registerSearchStems(db: NativeSqlite): void {
  db.function(STEMS_FUNCTION, { deterministic: true }, (text) => (typeof text === 'string' ? stemmedText(text) : text));
}
