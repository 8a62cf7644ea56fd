import winkSentiment from 'wink-sentiment';

// wink-sentiment's normalized score runs from about -5 to +5 (AFINN-style, with negation,
// emoticons and emoji); ±3 is already strongly felt.
const STRONG = 3;

/**
 * How a text feels, from -1 (angry, disappointed) to +1 (delighted), by a kept lexicon-based
 * library for English (no network, no model download). Stored with the text when it is written.
 */
export function sentimentOf(text: string): number {
  if (!text.trim()) return 0;
  const { normalizedScore } = winkSentiment(text.slice(0, 20_000));
  return Math.max(-1, Math.min(1, normalizedScore / STRONG));
}

/** A thread's sentiment: its title and text read together. */
export const threadSentiment = (title: string, body: string) => sentimentOf(`${title}.\n${body}`);
