import { type Dialect, dialectOfEm, type Em } from '../../db/em.ts';
import { ACTIVITY_TYPES, type ActivityType } from '../../entities/index.ts';
import { Interner } from './hash-tables.ts';
import { type ActivityFact, isReplyEvent, isTextEvent } from './model.ts';

/** A timestamp column as milliseconds since 1970, the same number on both dialects. */
const millis = (column: string, dialect: Dialect) =>
  dialect === 'postgresql' ? `floor(extract(epoch from ${column}) * 1000)::float8` : column;
/** The status a STATUS_CHANGED activity (table alias `alias`) reached, from its JSON data. */
export const statusReached = (dialect: Dialect, alias: string) =>
  dialect === 'postgresql' ? `${alias}.data->>'to'` : `json_extract(${alias}.data, '$.to')`;
/** The new status of a STATUS_CHANGED activity, null for the others. */
const statusOf = (dialect: Dialect) => `case when a.type = 'STATUS_CHANGED' then ${statusReached(dialect, 'a')} end`;

/** When a thread or reply was written, and how it feels. */
type Content = [at: number, sentiment: number | null];

/** The columns every fact query selects, in this order. */
const columns = (dialect: Dialect) =>
  `a.type, ${millis('a.created_at', dialect)} as at, a.actor_member_id, a.subject_member_id, a.thread_id, a.reply_id, ${statusOf(dialect)} as status`;
type Row = [ActivityType, number | string, string | null, string | null, string | null, string | null, string | null];

/**
 * The type names as constants: a row's type arrives as a new string each time, and the model asks
 * several sets about it; the constant's hash is computed once, a new string's on every ask.
 */
const TYPE_CONSTANTS = new Map<string, ActivityType>(ACTIVITY_TYPES.map((type) => [type, type]));

/** Fills `fact` from a row (a full recompute reuses one object for a million rows). */
function fillFact(fact: ActivityFact, row: Row, content: (id: string | null) => Content | undefined): ActivityFact {
  const [rowType, at, actor, subject, thread, reply, status] = row;
  const type = TYPE_CONSTANTS.get(rowType) ?? rowType;
  // Only texts carry their content's time and feeling into the model: no lookup for the rest.
  const written = isTextEvent(type) ? content(isReplyEvent(type) ? reply : thread) : undefined;
  fact.type = type;
  fact.at = Number(at);
  fact.actor = actor;
  fact.subject = subject;
  fact.thread = thread;
  fact.reply = reply;
  fact.contentAt = written ? Number(written[0]) : null;
  fact.contentSentiment = written?.[1] == null ? null : Number(written[1]);
  fact.status = status;
  return fact;
}

const factOf = (row: Row, content: (id: string | null) => Content | undefined): ActivityFact =>
  fillFact({} as ActivityFact, row, content);

/**
 * Rows as one JSON array built by the database: hundreds of thousands of threads and replies then
 * cross the driver as one string for V8's JSON parser, not as row objects built field by field.
 */
function jsonRows(dialect: Dialect, fields: string[]): string {
  return dialect === 'postgresql'
    ? `coalesce(json_agg(json_build_array(${fields.join(', ')})), '[]')::text`
    : `coalesce(json_group_array(json_array(${fields.join(', ')})), '[]')`;
}

async function selectJson<T>(em: Em, sql: string, params: unknown[]): Promise<T[]> {
  const [row] = await em.execute<{ rows: string }[]>(sql, params);
  return row ? (JSON.parse(row.rows) as T[]) : [];
}

/** Rows per page on PostgreSQL. */
const PAGE = 20_000;

/**
 * Every activity of a community, oldest first, handed to `visit` as the ranking model reads it;
 * returns how many. A full recompute reads millions, so the fact object is reused (`visit` must
 * not keep it) and nothing piles up for the garbage collector. One scan of the log in its index
 * order, without joins: the threads and replies it refers to are read first and looked up in
 * memory. On SQLite through the driver's statement iterator; on PostgreSQL in pages (see
 * `postgresPages`). Both on the caller's connection, so inside its transaction.
 */
export async function scanFacts(
  em: Em,
  communityId: string,
  visit: (fact: ActivityFact) => void,
  pageSize = PAGE,
): Promise<number> {
  const dialect = dialectOfEm(em);
  // Hundreds of thousands of texts, looked up by fresh id strings (see Interner).
  const contentIds = new Interner();
  const contents: Content[] = [];
  for (const table of ['thread', 'reply']) {
    const rows = await selectJson<[string, number, number | null]>(
      em,
      `select ${jsonRows(dialect, ['id', millis('created_at', dialect), 'sentiment'])} as rows from ${table} where community_id = ?`,
      [communityId],
    );
    for (const [id, at, sentiment] of rows) contents[contentIds.id(id)] = [at, sentiment];
  }
  const lookup = (id: string | null) => {
    const n = id ? contentIds.find(id) : -1;
    return n < 0 ? undefined : contents[n];
  };
  const fact = {} as ActivityFact;
  let count = 0;
  if (dialect === 'sqlite') {
    const scan = `select ${columns(dialect)} from activity a where a.community_id = ? order by a.created_at, a.id`;
    const native = await (
      em.getConnection() as unknown as { getNativeClient(): Promise<NativeSqlite> }
    ).getNativeClient();
    for (const row of native.prepare(scan).raw(true).iterate(communityId)) {
      visit(fillFact(fact, row as Row, lookup));
      count++;
    }
    return count;
  }
  for await (const rows of postgresPages(em, communityId, pageSize)) {
    for (const row of rows) visit(fillFact(fact, row, lookup));
    count += rows.length;
  }
  return count;
}

/**
 * The log on PostgreSQL, page by page in its index order (community, time, id), each page one
 * JSON document built by the database: V8's JSON parser makes the rows far faster than the
 * driver builds a row object field by field, and the database builds the next page on its own
 * core while this one is replayed. Pages follow each other by the last (time, id) seen, so each
 * is an index range scan. Every page reads the committed log afresh: the caller holds the
 * ranking's exclusive lock, which every transaction that adds activity waits for, so the log
 * cannot change under it.
 */
async function* postgresPages(em: Em, communityId: string, pageSize: number): AsyncGenerator<Row[]> {
  const page = (after: boolean) =>
    `select coalesce(json_agg(json_build_array(type, at, actor_member_id, subject_member_id, thread_id, reply_id,
         status) order by created_at, id), '[]')::text as rows,
       (array_agg(json_build_array(created_at::text, id)::text order by created_at desc, id desc))[1] as last
     from (select ${columns('postgresql')}, a.created_at, a.id from activity a
       where a.community_id = ? ${after ? 'and (a.created_at, a.id) > (?::timestamptz, ?::uuid)' : ''}
       order by a.created_at, a.id limit ${Math.max(1, Math.floor(pageSize))}) page`;
  const fetch = (last: [string, string] | null) =>
    em.execute<{ rows: string; last: string | null }[]>(
      page(last !== null),
      last ? [communityId, ...last] : [communityId],
    );
  if (!em.isInTransaction())
    throw new Error('scanFacts pages PostgreSQL under the ranking lock: call it in a transaction');
  // Each page is planned afresh: with statistics not yet gathered after a burst of activity, the
  // planner may estimate a few rows and sort the rest of the log for every page instead of
  // reading the index in order. Sorting is allowed again when the scan ends.
  await em.execute('set local enable_sort = off');
  let next = fetch(null);
  try {
    for (;;) {
      const [result] = await next;
      if (!result?.last) return;
      // The next page is on its way while this one is visited.
      next = fetch(JSON.parse(result.last) as [string, string]);
      yield JSON.parse(result.rows) as Row[];
    }
  } finally {
    await next.catch(() => undefined); // a visitor that threw leaves no query running
    await em.execute('set local enable_sort = on');
  }
}

interface NativeSqlite {
  prepare(sql: string): { raw(on: boolean): { iterate(...params: unknown[]): Iterable<unknown[]> } };
}

const rowOf = (r: Record<string, unknown>): Row =>
  [r.type, r.at, r.actor_member_id, r.subject_member_id, r.thread_id, r.reply_id, r.status] as Row;

export interface FactFilter {
  /** Only activities by or landing on these members (a member's breakdown, or a page's trends). */
  members: string[];
  /** Only activities before this instant (ms). */
  before?: number;
}

/** Some members' activities, oldest first (few enough to join what they refer to). */
export async function* memberFacts(em: Em, communityId: string, filter: FactFilter): AsyncGenerator<ActivityFact> {
  if (filter.members.length === 0) return;
  const dialect = dialectOfEm(em);
  const marks = filter.members.map(() => '?').join(', ');
  const params: unknown[] = [communityId, ...filter.members, ...filter.members];
  let where = `a.community_id = ? and (a.actor_member_id in (${marks}) or a.subject_member_id in (${marks}))`;
  if (filter.before != null) {
    where += ` and ${millis('a.created_at', dialect)} < ?`;
    params.push(filter.before);
  }
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${columns(dialect)}, ${millis('t.created_at', dialect)} as thread_at, t.sentiment as thread_sentiment,
       ${millis('r.created_at', dialect)} as reply_at, r.sentiment as reply_sentiment
     from activity a left join thread t on t.id = a.thread_id left join reply r on r.id = a.reply_id
     where ${where} order by a.created_at, a.id`,
    params,
  );
  for (const r of rows) {
    const onReply = isReplyEvent(r.type as ActivityType);
    const at = onReply ? r.reply_at : r.thread_at;
    const written: Content | undefined =
      at == null ? undefined : [Number(at), (onReply ? r.reply_sentiment : r.thread_sentiment) as number | null];
    yield factOf(rowOf(r), () => written);
  }
}
