import { Interner, PairSet } from './hash-tables.ts';
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
  readonly #ids = new Interner();
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
    let n: number;
    if (id === this.#previousId) n = this.#previousIndex;
    else {
      n = this.#ids.id(id);
      if (n === this.#byIndex.length) this.#byIndex.push(undefined); // dense, so the array stays a fast one
    }
    this.#previousId = this.#lastId;
    this.#previousIndex = this.#lastIndex;
    this.#lastId = id;
    this.#lastIndex = n;
    return n;
  }
}
