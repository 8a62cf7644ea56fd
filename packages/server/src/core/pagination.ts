import {
  Cursor,
  type EntityClass,
  type EntityMetadata,
  type FilterQuery,
  type QueryOrderMap,
  raw,
} from '@mikro-orm/core';
import type { Em } from '../db/em.ts';
import { badInput } from './errors.ts';
import { isUuid, pageSize } from './validation.ts';

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
  const after = args.after ? checkedCursor(em, entity, args.after, Object.keys(orderBy)) : undefined;
  const meta = em.getMetadata().find(entity) as EntityMetadata<T>;
  const row = rowOrder(meta, orderBy);
  const cursor = row
    ? new Cursor(
        await em.find(entity, (after ? { $and: [where, row.after(em, after)] } : where) as never, {
          orderBy: orderBy as never,
          limit: first + 1,
        }),
        undefined,
        { first, after, orderBy: orderBy as never, overfetch: true, includeCount: false },
        meta,
      )
    : await em.findByCursor(entity, { where, orderBy: orderBy as never, first, after, includeCount: false } as never);
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
 * one value per key of the order, each of that column's type (a date for a date, a number for a
 * number, an id for an id; null only where the column may be null), and nothing else (no objects
 * that could smuggle in operators). A cursor of another list, or made up, is refused clearly.
 */
function checkedCursor<T extends object>(em: Em, entity: EntityClass<T>, value: string, keys: string[]): string {
  let decoded: unknown;
  try {
    decoded = Cursor.decode(value);
  } catch {
    decoded = undefined;
  }
  const meta = em.getMetadata().find(entity);
  const fits = (v: unknown, key: string) => {
    const prop = meta?.properties[key as keyof typeof meta.properties] as
      | { runtimeType?: string; nullable?: boolean; kind?: string; type?: string; primary?: boolean }
      | undefined;
    if (v === null) return !prop || !!prop.nullable;
    if (!prop) return ['string', 'number', 'boolean'].includes(typeof v);
    if (prop.runtimeType === 'Date')
      return (typeof v === 'string' || typeof v === 'number') && !Number.isNaN(new Date(v).getTime());
    if (prop.primary || prop.kind === 'm:1' || prop.type === 'uuid') return typeof v === 'string' && isUuid(v);
    if (prop.runtimeType === 'number') return typeof v === 'number' && Number.isFinite(v);
    return typeof v === (prop.runtimeType === 'boolean' ? 'boolean' : 'string');
  };
  if (
    !Array.isArray(decoded) ||
    decoded.length !== keys.length ||
    !decoded.every((v, i) => fits(v, keys[i] as string))
  ) {
    throw badInput('error.staleCursor', 'after');
  }
  return value;
}

/**
 * An order of columns that are never null, all one way, reads the rows after a cursor as one row
 * comparison, `(a, b, id) < (x, y, z)`: an index on those columns starts right at the cursor.
 * MikroORM's cursor condition (`a < x or (a = x and (b < y or …))`) is read from the top of the
 * list on both databases, so a page deep in a long list, or among many equal values (threads with
 * no votes), cost as much as the list before it (BENCHMARKS.md). Other orders keep MikroORM's.
 */
function rowOrder<T extends object>(meta: EntityMetadata<T>, orderBy: QueryOrderMap<T>) {
  const keys = Object.keys(orderBy);
  const directions = new Set(Object.values(orderBy).map((d) => String(d).toLowerCase()));
  const props = keys.map((key) => meta.properties[key as keyof typeof meta.properties]);
  const [direction] = directions;
  const oneWay = directions.size === 1 && (direction === 'asc' || direction === 'desc');
  if (!oneWay || props.some((prop) => !prop || prop.nullable || prop.fieldNames?.length !== 1)) return null;
  const comparison = direction === 'desc' ? '<' : '>';
  return {
    after(em: Em, value: string) {
      const platform = em.getPlatform();
      const values = Cursor.decode(value).map((v, i) =>
        props[i]?.runtimeType === 'Date' ? platform.processDateProperty(new Date(v as string | number)) : v,
      );
      const columns = (alias: string) =>
        props.map((prop) => `${alias}.${platform.quoteIdentifier(prop?.fieldNames[0] as string)}`).join(', ');
      const placeholders = values.map(() => '?').join(', ');
      return { [raw((alias: string) => `(${columns(alias)}) ${comparison} (${placeholders})`, values)]: [] };
    },
  };
}
