import {
  type ActivityFact,
  addParts,
  addTo,
  type Contribution,
  type ContributionSink,
  contentKey,
  contributions,
  emptyTotals,
  type FirstKind,
  isRemoval,
  isRestore,
  type Totals,
  visitContributions,
} from './model.ts';
import type { RankingSettings } from './settings.ts';

/**
 * Runs activities, oldest first, through the model and keeps every member's totals: the full
 * recompute, a member's breakdown and the scores of 30 days ago are all replays.
 */
export class Replay {
  readonly totals = new Map<string, Totals>();
  /**
   * Questions answered so far: per kind, the pairs (interned `a`, interned `b` or day number) seen.
   */
  readonly #seen: Record<FirstKind, PairSet> = {
    day: new PairSet(),
    vote: new PairSet(),
    reply: new PairSet(),
    follow: new PairSet(),
    status: new PairSet(),
    helpful: new PairSet(),
  };
  readonly #ids = new Map<string, number>();
  /** Totals by interned id (members only; threads and statuses share the numbering). */
  readonly #byIndex: (Totals | undefined)[] = [];
  readonly #removed = new Set<string>();
  readonly #settings: RankingSettings;
  readonly #first = (kind: FirstKind, a: string, b: string | number) => this.#isFirst(kind, a, b);
  // A two-entry cache of interned ids: an activity asks about its actor and thread several times.
  #lastId: string | undefined;
  #lastIndex = 0;
  #previousId: string | undefined;
  #previousIndex = 0;

  constructor(settings: RankingSettings) {
    this.#settings = settings;
  }

  /** Applies one activity; returns what it contributed (empty for a removal of what is gone). */
  apply(fact: ActivityFact): Contribution[] {
    if (!this.#admit(fact)) return [];
    const found = contributions(fact, this.#settings, this.#first);
    for (const c of found) addTo(this.#totalsOf(c.member), c);
    return found;
  }

  /** Applies one activity without telling what it contributed (a full recompute: no objects made). */
  add(fact: ActivityFact): void {
    if (this.#admit(fact)) visitContributions(fact, this.#settings, this.#first, this.#sink);
  }

  /** The same additions, in the same order, as `apply` makes: the totals agree to the bit. */
  readonly #sink: ContributionSink = (member, component, amount, weight, texts) =>
    addParts(this.#totalsOf(member), component, amount, weight, texts);

  /** A removal counts only if the content is there, a restore only if it is gone. */
  #admit(fact: ActivityFact): boolean {
    if (!isRemoval(fact.type) && !isRestore(fact.type)) return true;
    const key = contentKey(fact);
    if (this.#removed.has(key) === isRemoval(fact.type)) return false;
    if (isRemoval(fact.type)) this.#removed.add(key);
    else this.#removed.delete(key);
    return true;
  }

  #totalsOf(member: string): Totals {
    const index = this.#id(member);
    let totals = this.#byIndex[index];
    if (!totals) {
      totals = emptyTotals();
      this.#byIndex[index] = totals;
      this.totals.set(member, totals);
    }
    return totals;
  }

  #isFirst(kind: FirstKind, a: string, b: string | number): boolean {
    return this.#seen[kind].add(this.#id(a), typeof b === 'number' ? b : this.#id(b));
  }

  #id(id: string): number {
    if (id === this.#lastId) return this.#lastIndex;
    let n: number | undefined;
    if (id === this.#previousId) n = this.#previousIndex;
    else {
      n = this.#ids.get(id);
      if (n === undefined) {
        n = this.#ids.size;
        this.#ids.set(id, n);
        this.#byIndex.push(undefined); // dense, so the array stays a fast one
      }
    }
    this.#previousId = this.#lastId;
    this.#previousIndex = this.#lastIndex;
    this.#lastId = id;
    this.#lastIndex = n;
    return n;
  }
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
