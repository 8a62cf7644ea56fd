import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Em } from '../db/em.ts';
import { entryOf } from './map-entry.ts';

type Batch<K, V> = (keys: readonly K[]) => Promise<V[]>;

/**
 * Request-scoped batching: every `load` in the same tick becomes one query. One instance belongs
 * to one Scope (one community, one entity manager), so a cached row never crosses tenants, and a
 * fresh Scope (each live event gets one) never sees stale rows.
 */
export class Loaders {
  readonly #em: Em;
  readonly #loaders = new Map<string, DataLoader<unknown, unknown>>();
  /** Rows handed in by `prime`, by entity name and id. */
  readonly #primed = new Map<string, Map<string, unknown>>();

  constructor(em: Em) {
    this.#em = em;
  }

  /** Loads entities by primary key; missing (or other-tenant) ids resolve to null. */
  byId<T extends { id: string }>(entity: EntityClass<T>): DataLoader<string, T | null> {
    return this.named(`id:${entity.name}`, async (ids: readonly string[]) => {
      const rows = (await this.#em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Hands in rows already at hand (a cached page's authors): loading them costs no query. */
  prime<T extends { id: string }>(entity: EntityClass<T>, rows: readonly T[]): void {
    const primed = entryOf(this.#primed, entity.name, () => new Map());
    const loader = this.byId(entity);
    for (const row of rows) {
      loader.prime(row.id, row);
      primed.set(row.id, row);
    }
  }

  /**
   * One row by primary key: a primed one as it is, without a promise (a resolver that answers at
   * once spares the executor a promise per object: twenty per page of threads), else `byId`'s load.
   */
  row<T extends { id: string }>(entity: EntityClass<T>, id: string): T | Promise<T | null> {
    return (this.#primed.get(entity.name)?.get(id) as T | undefined) ?? this.byId(entity).load(id);
  }

  /** A loader with its own batch function, created once per scope under `name`. */
  named<K, V>(name: string, batch: Batch<K, V>): DataLoader<K, V> {
    return entryOf(
      this.#loaders,
      name,
      () => new DataLoader<K, V>(batch, { maxBatchSize: 500 }) as DataLoader<unknown, unknown>,
    ) as DataLoader<K, V>;
  }
}
