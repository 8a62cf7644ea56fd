/**
 * What a person typed, as words a full-text engine can take safely: letters, marks and digits only
 * (so nothing in it is ever read as the engine's query syntax), lower-cased, at most MAX_WORDS.
 */
export const MAX_WORDS = 12;

/**
 * Words too common to tell threads apart; dropped from "any of these words" queries. Snowball's
 * English stop list (the one PostgreSQL's english configuration drops), so that SQLite, which has
 * none, weighs a post's words as PostgreSQL does; and a few polite words people add to requests.
 */
const COMMON = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing don down during each few for from further had has ' +
    'have having he her here hers herself him himself his how i if in into is it its itself just me more ' +
    'most my myself no nor not now of off on once only or other our ours ourselves out over own please s ' +
    'same she should so some such t than that the their theirs them themselves then there these they ' +
    'this those through to too under until up us very was we were what when where which while who whom ' +
    'why will with would you your yours yourself yourselves'
  ).split(' '),
);

/** Letters (with their combining marks, as in Hindi or Thai) and digits, as NFKC writes them. */
export const wordRuns = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

const allWords = (text: string) => [...new Set(wordRuns(text))].map((w) => w.slice(0, 100));

export function wordsOf(text: string): string[] {
  return allWords(text).slice(0, MAX_WORDS);
}

/** One of English's little words (COMMON). */
export const isCommon = (word: string) => COMMON.has(word);

/** A word that tells a thread apart: not a common word, not a single letter. */
export const isTelling = (word: string) => word.length > 1 && !isCommon(word);

/** The telling words of a text (the others dropped before the cut). */
export function tellingWords(text: string): string[] {
  return allWords(text).filter(isTelling).slice(0, MAX_WORDS);
}

/** A snippet as the engine marks it (MARK_START/MARK_END around matches), as parts for clients. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface TextPart {
  text: string;
  match: boolean;
}

export function snippetParts(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  for (const [i, piece] of marked.split(new RegExp(`[${MARK_START}${MARK_END}]`)).entries()) {
    if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  }
  return parts;
}
