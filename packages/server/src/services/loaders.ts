import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { Em } from '../db/orm.ts';

type Batch<K, V> = (keys: readonly K[]) => Promise<V[]>;

/**
 * Request-scoped batching: every `load` in the same tick becomes one query. One instance belongs
 * to one Scope (one community, one entity manager), so a cached row never crosses tenants, and a
 * fresh Scope (each live event gets one) never sees stale rows.
 */
export class Loaders {
  readonly #em: Em;
  readonly #loaders = new Map<string, DataLoader<unknown, unknown>>();

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

  /** A loader with its own batch function, created once per scope under `name`. */
  named<K, V>(name: string, batch: Batch<K, V>): DataLoader<K, V> {
    let loader = this.#loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.#loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
