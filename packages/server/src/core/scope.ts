import type { Em } from '../db/em.ts';
import type { EventBus, ThreadEvent } from './events.ts';
import { Loaders } from './loaders.ts';
import { assertWritesAccepted } from './shutdown.ts';

/**
 * Everything a service needs to act inside one community: an entity manager whose tenant filter
 * is bound to that community (so no query can read or change another's rows), batching loaders on
 * that manager, and the live-event bus.
 */
export interface Scope {
  readonly communityId: string;
  readonly em: Em;
  readonly loaders: Loaders;
  readonly events: EventBus;
}

/** What reading one community's rows needs: a manager bound to it (no loaders, no live events). */
export type RowScope = Pick<Scope, 'communityId' | 'em'>;

/** A fork of `em` whose tenant filter is bound to one community. */
export function bindEm(em: Em, communityId: string): Em {
  const fork = em.fork({ clear: true });
  fork.setFilterParams('tenant', { communityId });
  return fork;
}

export function openScope(em: Em, communityId: string, events: EventBus): Scope {
  const bound = bindEm(em, communityId);
  return { communityId, em: bound, loaders: new Loaders(bound), events };
}

/**
 * Runs `work` in one transaction on the scope's manager. Events it emits are published only after
 * the commit, so a subscriber never hears of a write that was rolled back.
 */
export async function write<T>(
  scope: Scope,
  work: (em: Em, emit: (event: ThreadEvent) => void) => Promise<T>,
): Promise<T> {
  const pending: ThreadEvent[] = [];
  const result = await scope.em.transactional((em) => {
    assertWritesAccepted(em);
    return work(em, (event) => pending.push(event));
  });
  for (const event of pending) scope.events.publish(scope.communityId, event);
  return result;
}
