/**
 * The words a set of texts is about: the most frequent significant words, after dropping the
 * little words of the language (stopwords-iso's list, kept per language) and of community talk.
 * In English, words are also compared by their stem (Snowball's English, as in search): "coming" and "feels" are
 * as little as "come" and "feel", and "sync", "syncs" and "syncing" count as one topic.
 */
import { createRequire } from 'node:module';
import { englishStem } from '../db/search-stems.ts';

/** stopwords-iso is a JSON file of word lists by ISO 639-1 code. */
const STOPWORDS_ISO = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

/** Words of community talk (and everyday verbs) that the general lists do not have. */
const COMMUNITY_TALK = `please thanks thank hi hello hey yes yeah ok okay maybe really new add added
  compare compared feel feels felt happen happened idea ideas question questions problem issue`.split(/\s+/);

interface StopList {
  words: Set<string>;
  stems: Set<string>;
}

const lists = new Map<string, StopList>();

function stopList(language: string): StopList {
  let list = lists.get(language);
  if (!list) {
    const words = new Set([...(STOPWORDS_ISO[language] ?? STOPWORDS_ISO.en ?? []), ...COMMUNITY_TALK]);
    list = { words, stems: language === 'en' ? new Set([...words].map((w) => englishStem(w))) : new Set() };
    lists.set(language, list);
  }
  return list;
}

const WORD = /[\p{L}][\p{L}\p{N}'-]{2,}/gu;

export interface Topic {
  word: string;
  count: number;
}

/**
 * The `limit` most frequent significant words of the texts (each text counts a word once), in a
 * language (ISO 639-1; English by default). A topic is shown as its most frequent form.
 */
export function topTopics(texts: Iterable<string>, limit = 5, language = 'en'): Topic[] {
  const stops = stopList(language);
  const keyOf = language === 'en' ? (word: string) => englishStem(word) : (word: string) => word;
  const counts = new Map<string, { count: number; forms: Map<string, number> }>();
  for (const text of texts) {
    const words = new Set((text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/'s$/, '')));
    const seen = new Set<string>();
    for (const word of words) {
      const key = keyOf(word);
      if (word.length < 3 || stops.words.has(word) || stops.stems.has(key)) continue;
      const topic = counts.get(key) ?? { count: 0, forms: new Map<string, number>() };
      counts.set(key, topic);
      topic.forms.set(word, (topic.forms.get(word) ?? 0) + 1);
      if (!seen.has(key)) topic.count += 1;
      seen.add(key);
    }
  }
  return [...counts.values()]
    .map(({ count, forms }) => ({
      word: [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '',
      count,
    }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, limit);
}
