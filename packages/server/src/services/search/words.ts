/**
 * What a person typed, as words a full-text engine can take safely: letters, marks and digits only
 * (so nothing in it is ever read as the engine's query syntax), lower-cased, at most MAX_WORDS.
 */
export const MAX_WORDS = 12;

/** Words too common to tell threads apart; dropped from "any of these words" queries. */
const COMMON = new Set(
  (
    'a an and are as at be but by can could do does for from has have how i if in into is it its me my no not of on ' +
    'or our please so that the their them then there these this to us was we what when where which who why will ' +
    'with would you your'
  ).split(' '),
);

/** Letters (with their combining marks, as in Hindi or Thai) and digits, as NFKC writes them. */
const allWords = (text: string) =>
  [
    ...new Set(
      text
        .normalize('NFKC')
        .toLowerCase()
        .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [],
    ),
  ].map((w) => w.slice(0, 100));

export function wordsOf(text: string): string[] {
  return allWords(text).slice(0, MAX_WORDS);
}

/** The words that tell a thread apart: no common words, no single letters (dropped before the cut). */
export function tellingWords(text: string): string[] {
  return allWords(text)
    .filter((w) => w.length > 1 && !COMMON.has(w))
    .slice(0, MAX_WORDS);
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
