/**
 * How a text feels, from -1 (angry, disappointed) to +1 (delighted), in the language it is written
 * in, or not measured at all. Lexicon-based and local (no network, no model download); stored
 * with the text when it is written.
 *
 * English: wink-sentiment (MIT; AFINN-165, ODbL 1.0), as before. German, French, Spanish,
 * Portuguese, Italian and Dutch: translated AFINN lexicons read the same way (sentiment/lexicon.ts).
 * Any other language is not measured (null), never taken as neutral: a very negative Finnish post
 * scored with an English lexicon would read 0.
 */
import winkSentiment from 'wink-sentiment';
import type { Em } from '../db/em.ts';
import { Community } from '../entities/index.ts';
import { defaultLocaleOf } from './communities.ts';
import { detectLanguage, languageOf, UNDETERMINED } from './sentiment/language.ts';
import { LEXICON_LANGUAGES, lexiconScore } from './sentiment/lexicon.ts';

/** The languages whose texts are measured (ISO 639-1). */
export const MEASURED_LANGUAGES: readonly string[] = ['en', ...LEXICON_LANGUAGES];

export interface TextSentiment {
  /** -1..1; null: not measured (no lexicon for its language, or its language could not be told). */
  score: number | null;
  /** The language it was read in (ISO 639-1), or "und" when it could not be told. */
  language: string;
}

// The normalised scores run from about -5 to +5 (AFINN-style); ±3 is already strongly felt.
const STRONG = 3;
/** Long texts are read in their first 20,000 characters (a post is at most that long anyway). */
const MAX_CHARS = 20_000;

/**
 * A text's sentiment and language. `communityLanguage` (ISO 639-1, e.g. the community's default
 * language) stands in when the text is too short to tell its language ("Danke!", "Thanks!") and
 * settles close calls; without it such a text is not measured.
 */
export function readSentiment(text: string, communityLanguage?: string | null): TextSentiment {
  const read = text.slice(0, MAX_CHARS);
  if (!read.trim()) return { score: null, language: UNDETERMINED };
  const detected = detectLanguage(read, communityLanguage);
  const language = detected.language === UNDETERMINED ? (communityLanguage ?? UNDETERMINED) : detected.language;
  const raw = language === 'en' ? winkSentiment(read).normalizedScore : lexiconScore(read, language);
  return { score: raw == null ? null : Math.max(-1, Math.min(1, raw / STRONG)), language };
}

/** A thread's sentiment: its title and text read together. */
export const readThreadSentiment = (title: string, body: string, communityLanguage?: string | null) =>
  readSentiment(`${title}.\n${body}`, communityLanguage);

/** Just the score of `readSentiment`: -1..1, or null when not measured. */
export const sentimentOf = (text: string, communityLanguage?: string | null) =>
  readSentiment(text, communityLanguage).score;

/** A thread's score: its title and text read together; null when not measured. */
export const threadSentiment = (title: string, body: string, communityLanguage?: string | null) =>
  readThreadSentiment(title, body, communityLanguage).score;

/** The community's language (ISO 639-1) for short texts: its default language, English unless set. */
export async function communityLanguage(em: Em, communityId: string): Promise<string> {
  return languageOfCommunity(await em.findOneOrFail(Community, { id: communityId }, { flushMode: 'commit' }));
}

export const languageOfCommunity = (community: Pick<Community, 'settings'>): string =>
  languageOf(defaultLocaleOf(community));
