/**
 * The words a set of texts is about: the most frequent significant words, after dropping the
 * little words of English (and of community talk: "please", "would", "thanks").
 */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here
  hers herself him himself his how i if in into is it its itself just let like me more most my myself no nor not
  now of off on once only or other our ours ourselves out over own same she should so some such than that the
  their theirs them themselves then there these they this those through to too under until up very was we were
  what when where which while who whom why will with would you your yours yourself yourselves get got make made
  one two use using used want wants need needs please thanks thank hi hello hey really much many way also still
  even well able maybe think know see would could should don doesn didn isn aren wasn weren won can't cannot
  yes yeah ok okay new add added something anything everything thing things time times lot lots`.split(/\s+/),
);

const WORD = /[\p{L}][\p{L}\p{N}'-]{2,}/gu;

export interface Topic {
  word: string;
  count: number;
}

/** The `limit` most frequent significant words of the texts (each text counts a word once). */
export function topTopics(texts: Iterable<string>, limit = 5): Topic[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = new Set((text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/'s$/, '')));
    for (const word of words) {
      if (STOPWORDS.has(word) || word.length < 3) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}
