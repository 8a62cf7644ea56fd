import { Cursor, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { Em } from '../db/orm.ts';
import { badInput } from './errors.ts';
import { pageSize } from './validation.ts';

/** One page of a keyset-paginated list, in the shape a Relay connection needs. */
export interface Page<T> {
  items: T[];
  cursorOf(item: T): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Keyset pagination: the cursor holds the sort key of the last row seen, so deep pages cost the
 * same as the first and rows inserted meanwhile do not shift the page. `orderBy` must end in a
 * unique key (the id) to make the order total.
 */
export async function findPage<T extends object>(
  em: Em,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  args: PageArgs,
  maxPageSize = 50,
): Promise<Page<T>> {
  const first = pageSize(args.first, maxPageSize);
  const after = args.after ? checkedCursor(args.after, Object.keys(orderBy).length) : undefined;
  const cursor = await em.findByCursor(entity, {
    where,
    orderBy: orderBy as never,
    first,
    after,
    includeCount: false,
  } as never);
  return {
    items: [...cursor.items] as T[],
    cursorOf: (item) => cursor.from(item as never),
    hasNextPage: cursor.hasNextPage,
    hasPreviousPage: cursor.hasPrevPage,
    startCursor: cursor.startCursor,
    endCursor: cursor.endCursor,
  };
}

/**
 * A cursor comes from the client, so it is checked before it reaches a query: it must decode to
 * as many plain values as the order has keys (no objects that could smuggle in operators).
 */
function checkedCursor(value: string, keys: number): string {
  let decoded: unknown;
  try {
    decoded = Cursor.decode(value);
  } catch {
    decoded = undefined;
  }
  const plain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (!Array.isArray(decoded) || decoded.length !== keys || !decoded.every(plain)) {
    throw badInput('The "after" cursor is not valid for this list; start again from the first page.', 'after');
  }
  return value;
}
