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
 * every run, or the index would be told to remove words it never held: what is stemmed is decided
 * by fixed character ranges, not by the Unicode tables of the Node build.
 */
export function stemmedText(text: string): string {
  return text.replace(LATIN_WORD, (word) => {
    const folded = word.normalize('NFD').replace(COMBINING_ACCENTS, '');
    return isEnglish(folded) ? stemOf(folded.toLowerCase()) : word;
  });
}

/** The Snowball stem of one English word; any other word as it is. */
export function englishStem(word: string): string {
  return isEnglish(word) ? stemOf(word.toLowerCase()) : word;
}

/**
 * Stems of the words seen lately: most words of a community recur, and stemming one costs far more
 * than looking it up (BENCHMARKS.md). Emptied when full: simpler than evicting, and it costs only
 * a few thousand stems again.
 */
const STEMS = new Map<string, string>();
const STEMS_KEPT = 20_000;

function stemOf(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    if (STEMS.size >= STEMS_KEPT) STEMS.clear();
    stemmed = stem(word);
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

/** Letters a–z, and no longer than an English word: the stemmer takes time growing with the square of a word's length. */
const isEnglish = (word: string) => word.length <= LONGEST_STEMMED && ENGLISH.test(word);

/** Longer than any English word ("antidisestablishmentarianism" is 28 letters). */
const LONGEST_STEMMED = 40;
const ENGLISH = /^[A-Za-z]+$/;
/**
 * ASCII letters, Latin-1's and Latin Extended-A's letters and the combining accents that unicode61
 * (with remove_diacritics 2) takes as part of a word: what may fold to an English word
 * ("résumés"). A run of them lies inside one of unicode61's words, and its stem is letters a–z, so
 * replacing it keeps every word where it was, whatever stands next to it ("2kg", "“Monthly”").
 */
const ACCENTS = '\\u0300-\\u0304\\u0306-\\u030C\\u030F\\u0311\\u031B\\u0323-\\u0328\\u032D\\u032E\\u0330\\u0331';
const LATIN_WORD = new RegExp(`(?:[A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F]|[${ACCENTS}])+`, 'g');
const COMBINING_ACCENTS = new RegExp(`[${ACCENTS}]`, 'g');

/** The SQL function the index's triggers call (the ORM registers it on every SQLite connection). */
export const STEMS_FUNCTION = 'rapport_stems';

interface NativeSqlite {
  function(name: string, options: { deterministic: boolean }, fn: (text: unknown) => unknown): unknown;
}

export function registerSearchStems(db: NativeSqlite): void {
  db.function(STEMS_FUNCTION, { deterministic: true }, (text) => (typeof text === 'string' ? stemmedText(text) : text));
}
