/**
 * Which language a text is written in, so it is scored with that language's lexicon (or not at
 * all). tinyld (MIT, pure JavaScript, no network, ~0.1 ms a text) was chosen over franc and eld:
 * on short community posts it was the most accurate of the three here (franc mistook short
 * English, Dutch and Portuguese for Scots, Afrikaans or Galician; eld's smallest database costs
 * ~45 MB of heap), it tells Finnish, Swahili and ~60 others apart from the languages we score,
 * and its "normal" profile costs ~8 MB of heap.
 */
import { detectAll } from 'tinyld';

/** A text's language as read: an ISO 639-1 code, or UNDETERMINED. */
export interface DetectedLanguage {
  language: string;
  /** False when the text is too short or too close a call to tell on its own. */
  reliable: boolean;
}

export const UNDETERMINED = 'und';

/**
 * Below this many letters no detector tells languages apart reliably ("Thanks!", "Danke!",
 * "+1"): the caller falls back to the community's language.
 */
const MIN_LETTERS = 12;
/** At most this much text is read: the language shows in the first few sentences. */
const MAX_CHARS = 2_000;

/**
 * What says nothing about the language and misleads n-gram detectors: links, addresses, code,
 * mentions, and acronyms or version numbers ("CSV" alone made tinyld read an English sentence as
 * Hungarian).
 */
const NOISE = [
  /```[\s\S]*?```|`[^`\n]*`/g,
  /\bhttps?:\/\/\S+|\bwww\.\S+/gi,
  /\S+@\S+\.\S+/g,
  /(^|\s)[@#][\p{L}\p{N}_.-]+/gu,
  /\b[\p{Lu}\p{N}][\p{Lu}\p{N}._-]+\b/gu,
];

export function withoutNoise(text: string): string {
  let clean = text.slice(0, MAX_CHARS);
  for (const pattern of NOISE) clean = clean.replace(pattern, ' ');
  return clean.replace(/\s+/g, ' ').trim();
}

const letterCount = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

/**
 * The text's language. `expected` (the community's language) settles close calls: when the
 * detector's favourite is another language but `expected` scores nearly as well, the text is
 * taken to be in `expected` (tinyld reads short English now and then as Estonian or Irish).
 */
export function detectLanguage(text: string, expected?: string | null): DetectedLanguage {
  const clean = withoutNoise(text);
  if (letterCount(clean) < MIN_LETTERS) return { language: UNDETERMINED, reliable: false };
  const candidates = detectAll(clean);
  const top = candidates[0];
  if (!top) return { language: UNDETERMINED, reliable: false };
  if (expected && top.lang !== expected) {
    const rival = candidates.find((c) => c.lang === expected);
    if (rival && rival.accuracy >= top.accuracy * CLOSE_CALL) return { language: expected, reliable: false };
  }
  return { language: top.lang, reliable: true };
}

/** The expected language wins when it scores at least this share of the favourite's score. */
const CLOSE_CALL = 0.5;

/** The language part of a BCP 47 tag: "pt-BR" → "pt". */
export const languageOf = (locale: string) => locale.split('-')[0]?.toLowerCase() ?? UNDETERMINED;
