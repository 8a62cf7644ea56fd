/**
 * Hash tables in typed arrays for the full recompute, which asks millions of questions of them.
 * V8's Map and Set give the same answers, slower here: every id arrives as a new string that a
 * Map hashes whole, a Set per member costs allocation and garbage collection, and a large chained
 * table misses the cache more than linear probing in flat arrays (profiled: BENCHMARKS.md).
 */

/**
 * Numbers strings (ids) densely in the order they are first seen: `id(key)` is the same number
 * for equal strings. The hash reads only the last characters, where a UUID (v4 or v7) keeps its
 * random bits, so a fresh string from the database is not hashed whole; any other string works
 * too (collisions are resolved by comparing the strings), just less evenly spread.
 */
export class Interner {
  /** Per slot: the key's number, or -1 when empty; and the key's hash, to skip most comparisons. */
  #slots = new Int32Array(1024).fill(-1);
  #hashes = new Int32Array(1024);
  readonly #keys: string[] = [];

  get size(): number {
    return this.#keys.length;
  }

  /** The key's number, numbering it when new. */
  id(key: string): number {
    const hash = tailHash(key);
    const i = this.#slotOf(key, hash);
    const found = this.#slots[i] as number;
    if (found !== -1) return found;
    const n = this.#keys.length;
    this.#keys.push(key);
    this.#slots[i] = n;
    this.#hashes[i] = hash;
    if (this.#keys.length * 2 > this.#slots.length) this.#grow();
    return n;
  }

  /** The key's number, or -1 when it was never numbered. */
  find(key: string): number {
    return this.#slots[this.#slotOf(key, tailHash(key))] as number;
  }

  /** The string numbered `n`. */
  key(n: number): string {
    return this.#keys[n] as string;
  }

  /** The slot holding `key`, or the empty slot where it belongs (linear probing from its hash). */
  #slotOf(key: string, hash: number): number {
    const mask = this.#slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const n = this.#slots[i] as number;
      if (n === -1 || (this.#hashes[i] === hash && this.#keys[n] === key)) return i;
    }
  }

  #grow(): void {
    const [oldSlots, oldHashes] = [this.#slots, this.#hashes];
    this.#slots = new Int32Array(oldSlots.length * 2).fill(-1);
    this.#hashes = new Int32Array(oldSlots.length * 2);
    for (let j = 0; j < oldSlots.length; j++) {
      const n = oldSlots[j] as number;
      if (n === -1) continue;
      const i = this.#slotOf(this.#keys[n] as string, oldHashes[j] as number);
      this.#slots[i] = n;
      this.#hashes[i] = oldHashes[j] as number;
    }
  }
}

/** FNV-1a over the last twelve characters and the length, with a final mix of the high bits down. */
function tailHash(key: string): number {
  let hash = key.length ^ 0x811c9dc5;
  for (let i = Math.max(0, key.length - 12); i < key.length; i++)
    hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 15);
}

/**
 * A set of pairs of small non-negative integers, in typed arrays with open addressing: a full
 * recompute remembers millions of (member, thread) and (member, day) pairs, and as JavaScript Sets
 * (one per member) they cost more in allocation and garbage collection than the replay itself.
 */
export class PairSet {
  #a = new Int32Array(1024).fill(-1);
  #b = new Int32Array(1024);
  #size = 0;

  /** Adds the pair; true when it was not there yet. */
  add(a: number, b: number): boolean {
    const mask = this.#a.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    for (;;) {
      const found = this.#a[i];
      if (found === -1) break;
      if (found === a && this.#b[i] === b) return false;
      i = (i + 1) & mask;
    }
    this.#a[i] = a;
    this.#b[i] = b;
    if (++this.#size * 2 > this.#a.length) this.#grow();
    return true;
  }

  #grow(): void {
    const [oldA, oldB] = [this.#a, this.#b];
    this.#a = new Int32Array(oldA.length * 2).fill(-1);
    this.#b = new Int32Array(oldA.length * 2);
    this.#size = 0;
    for (let i = 0; i < oldA.length; i++) {
      const a = oldA[i] as number;
      if (a !== -1) this.add(a, oldB[i] as number);
    }
  }
}
