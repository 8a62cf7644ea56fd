/**
 * How alike texts are in meaning, from English word vectors (word-vectors.ts): a text's meaning is
 * the average of its telling words' vectors, each weighed by how rare the word is in English (the
 * "smooth inverse frequency" of Arora, Liang and Ma, 2017), its title's words twice. Words the
 * vectors do not know (names, typos, other languages) count for nothing.
 */
import { readFileSync } from 'node:fs';
import { DIMENSIONS, GLOVE_WORDS, readWordVectors, type WordVectors, wordVectorsFile } from './word-vectors.ts';
import { isTelling, wordRuns } from './words.ts';

/** SIF's smoothing: a word as frequent as one in ten thousand weighs a half. */
const SMOOTHING = 1e-4;
const HARMONIC = Math.log(GLOVE_WORDS) + 0.5772;
/** A long text's first words say what it is about; reading more costs time and tells little more. */
const MAX_WORDS = 300;
/** Enough characters for MAX_WORDS words of English, read of each text (of up to 10,000). */
export const MEANING_CHARACTERS = 3000;

let vectors: WordVectors | null | undefined;

/** Read once, when first needed: processes that never suggest threads never hold them. */
function wordVectors(): WordVectors | null {
  if (vectors === undefined) {
    const file = wordVectorsFile();
    try {
      vectors = file ? readWordVectors(readFileSync(file)) : null;
    } catch {
      vectors = null;
    }
  }
  return vectors;
}

/** A text's telling words, its title's and its body's, as the vectors know them (lower case). */
export interface TextWords {
  title: string[];
  body: string[];
}

export function wordsOfText(title: string, body: string): TextWords {
  const words = (text: string) => wordRuns(text.slice(0, MEANING_CHARACTERS)).filter(isTelling).slice(0, MAX_WORDS);
  return { title: words(title), body: words(body) };
}

/**
 * The meaning of a text, or null when none of its words is known: a unit vector, with what every
 * English text shares (the direction of englishAverage) taken out, as SIF does, so that what a
 * text is about counts: without it, any two texts looked about half alike.
 */
export function meaningOf(text: TextWords): Float32Array | null {
  const known = wordVectors();
  if (!known) return null;
  const sum = new Float32Array(DIMENSIONS);
  let words = 0;
  const add = (list: string[], weight: number) => {
    for (const word of list) {
      const row = known.rows.get(word);
      if (row === undefined) continue;
      words++;
      addRow(sum, known.values, row, weight * rarity(row));
    }
  };
  add(text.title, 2);
  add(text.body, 1);
  if (!words) return null;
  const meaning = unit(sum);
  const common = englishAverage(known);
  const along = dot(meaning, common);
  for (let d = 0; d < DIMENSIONS; d++) meaning[d] = (meaning[d] as number) - along * (common[d] as number);
  return unit(meaning);
}

/** The likeness of two meanings (cosine, -1 to 1). */
export const likeness = (a: Float32Array, b: Float32Array): number => dot(a, b);

let average: Float32Array | undefined;

/**
 * The meaning of an average English text: every known word's vector, weighed as meaningOf weighs
 * it and by how often it is written. Fixed, so that a small community's few threads are compared
 * as a big one's are (the average of the threads compared was tried: it made all of three threads
 * look unlike a post; BENCHMARKS.md).
 */
function englishAverage(known: WordVectors): Float32Array {
  if (!average) {
    // In doubles and in one loop: it reads every value of the file, 10 million of them.
    const sum = new Float64Array(DIMENSIONS);
    const { words, values } = known;
    for (let row = 0; row < words.length; row++) {
      if (!isTelling(words[row] as string)) continue;
      const weight = frequency(row) * rarity(row);
      const at = row * DIMENSIONS;
      for (let d = 0; d < DIMENSIONS; d++) sum[d] = (sum[d] as number) + weight * (values[at + d] as number);
    }
    average = unit(Float32Array.from(sum));
  }
  return average;
}

/** Adds row `row` of `values`, times `weight`, to `sum`. */
function addRow(sum: Float32Array, values: Int8Array, row: number, weight: number): void {
  const at = row * DIMENSIONS;
  for (let d = 0; d < DIMENSIONS; d++) sum[d] = (sum[d] as number) + weight * (values[at + d] as number);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < DIMENSIONS; d++) sum += (a[d] as number) * (b[d] as number);
  return sum;
}

/** Zipf's law: the word at rank r is about 1 / (r · H) of all words. */
const frequency = (row: number) => 1 / ((row + 1) * HARMONIC);

/** SIF's weight of a word: near 1 for a rare one, near 0 for "the". */
const rarity = (row: number) => SMOOTHING / (SMOOTHING + frequency(row));

/** `v` scaled to a length of 1, in place. */
function unit(v: Float32Array): Float32Array {
  const length = Math.sqrt(dot(v, v));
  if (length > 0) for (let d = 0; d < DIMENSIONS; d++) v[d] = (v[d] as number) / length;
  return v;
}
