import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../entities/id.ts';
import { Interner, PairSet } from './hash-tables.ts';

describe('PairSet', () => {
  it('tells a new pair from one seen before, through many growths, against a Set of the same pairs', () => {
    const pairs = new PairSet();
    const reference = new Set<string>();
    let seed = 7;
    for (let i = 0; i < 50_000; i++) {
      seed = (seed * 48_271) % 2_147_483_647;
      const [a, b] = [seed % 3_000, (seed >> 8) % 500];
      const key = `${a},${b}`;
      expect(pairs.add(a, b)).toBe(!reference.has(key));
      reference.add(key);
    }
    expect(pairs.add(0, 0)).toBe(!reference.has('0,0'));
    expect(pairs.add(0, 0)).toBe(false);
  });

  it('remembers exactly the pairs added, as a Set of pairs would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)), { maxLength: 3000 }), (pairs) => {
        const set = new PairSet();
        const reference = new Set<string>();
        for (const [a, b] of pairs) {
          const key = `${a},${b}`;
          expect(set.add(a, b)).toBe(!reference.has(key));
          reference.add(key);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** What an Interner must behave like: a Map numbering keys in the order first seen. */
function numberedLikeAMap(keys: string[]) {
  const interner = new Interner();
  const reference = new Map<string, number>();
  for (const key of keys) {
    // A copy made at run time, as the database hands the same id over as a new string each time.
    const fresh = [...key].join('');
    if (!reference.has(key)) {
      expect(interner.find(fresh)).toBe(-1);
      reference.set(key, reference.size);
    }
    expect(interner.id(fresh)).toBe(reference.get(key));
  }
  expect(interner.size).toBe(reference.size);
  for (const [key, n] of reference) {
    expect(interner.find(key)).toBe(n);
    expect(interner.key(n)).toBe(key);
  }
}

describe('Interner', () => {
  it('numbers 100,000 UUIDs through many growths, as a Map would, the same string always the same number', () => {
    const ids = Array.from({ length: 100_000 }, newId);
    numberedLikeAMap([...ids, ...ids.slice(0, 5000).reverse(), ...ids.filter((_, i) => i % 7 === 0)]);
  });

  it('keeps apart any strings, also those whose last characters hash alike or are equal', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 20 }),
            // Same tail, different heads: the hash reads only the tail, so these all collide.
            fc.string({ maxLength: 6 }).map((head) => `${head}-same-tail-0123456789`),
            fc.uuid(),
          ),
          { maxLength: 3000 },
        ),
        numberedLikeAMap,
      ),
      { numRuns: 200 },
    );
  });
});
