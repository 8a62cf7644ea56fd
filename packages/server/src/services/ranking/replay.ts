import {
  type ActivityFact,
  addContributions,
  type Contribution,
  contentKey,
  contributions,
  type FirstKind,
  isRemoval,
  isRestore,
  type Totals,
} from './model.ts';
import type { RankingSettings } from './settings.ts';

/**
 * Runs activities, oldest first, through the model and keeps every member's totals: the full
 * recompute, a member's breakdown and the scores of 30 days ago are all replays.
 */
export class Replay {
  readonly totals = new Map<string, Totals>();
  /**
   * Questions answered so far: per kind, per interned `a`, the set of interned `b` (small integers
   * throughout: a full recompute asks millions of questions, and strings or large numbers are slow).
   */
  readonly #seen = new Map<FirstKind, (Set<number> | undefined)[]>();
  readonly #ids = new Map<string, number>();
  readonly #removed = new Set<string>();
  readonly #settings: RankingSettings;

  constructor(settings: RankingSettings) {
    this.#settings = settings;
  }

  /** Applies one activity; returns what it contributed (empty for a removal of what is gone). */
  apply(fact: ActivityFact): Contribution[] {
    if (isRemoval(fact.type) || isRestore(fact.type)) {
      const key = contentKey(fact);
      if (this.#removed.has(key) === isRemoval(fact.type)) return [];
      if (isRemoval(fact.type)) this.#removed.add(key);
      else this.#removed.delete(key);
    }
    const found = contributions(fact, this.#settings, (kind, a, b) => this.#first(kind, a, b));
    addContributions(this.totals, found);
    return found;
  }

  #first(kind: FirstKind, a: string, b: string | number): boolean {
    let byA = this.#seen.get(kind);
    if (!byA) {
      byA = [];
      this.#seen.set(kind, byA);
    }
    const ai = this.#id(a);
    const bi = typeof b === 'number' ? b : this.#id(b);
    let seen = byA[ai];
    if (!seen) {
      seen = new Set();
      byA[ai] = seen;
    }
    if (seen.has(bi)) return false;
    seen.add(bi);
    return true;
  }

  #id(id: string): number {
    let n = this.#ids.get(id);
    if (n === undefined) {
      n = this.#ids.size;
      this.#ids.set(id, n);
    }
    return n;
  }
}
