import { type Dialect, dialectOfEm, type Em } from '../../db/orm.ts';
import type { ActivityType } from '../../entities/index.ts';
import { type ActivityFact, isReplyEvent } from './model.ts';

/** A timestamp column as milliseconds since 1970, the same number on both dialects. */
const millis = (column: string, dialect: Dialect) =>
  dialect === 'postgresql' ? `floor(extract(epoch from ${column}) * 1000)::float8` : column;
/** The new status of a STATUS_CHANGED activity, from its JSON data. */
const statusOf = (dialect: Dialect) =>
  `case when a.type = 'STATUS_CHANGED' then ${dialect === 'postgresql' ? `a.data->>'to'` : `json_extract(a.data, '$.to')`} end`;

/** When a thread or reply was written, and how it feels. */
type Content = [at: number, sentiment: number | null];

/** The columns every fact query selects, in this order. */
const columns = (dialect: Dialect) =>
  `a.type, ${millis('a.created_at', dialect)} as at, a.actor_member_id, a.subject_member_id, a.thread_id, a.reply_id, ${statusOf(dialect)} as status`;
type Row = [ActivityType, number | string, string | null, string | null, string | null, string | null, string | null];

function factOf(row: Row, content: (id: string | null) => Content | undefined): ActivityFact {
  const [type, at, actor, subject, thread, reply, status] = row;
  const written = content(isReplyEvent(type) ? reply : thread);
  return {
    type,
    at: Number(at),
    actor,
    subject,
    thread,
    reply,
    contentAt: written ? Number(written[0]) : null,
    contentSentiment: written?.[1] == null ? null : Number(written[1]),
    status,
  };
}

const PAGE = 50_000;

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

/**
 * Every activity of a community, oldest first, as the ranking model reads it, in batches (a full
 * recompute reads millions). One scan of the log in its index order, without joins: the threads
 * and replies it refers to are read first and looked up in memory. On SQLite through the driver's
 * statement iterator, on PostgreSQL through a cursor (one plan, however stale the statistics;
 * paging with LIMIT made PostgreSQL sort the rest of the log again for every page); both on the
 * caller's connection, so inside its transaction, which PostgreSQL's cursor needs.
 */
export async function* allFacts(em: Em, communityId: string): AsyncGenerator<ActivityFact[]> {
  const dialect = dialectOfEm(em);
  const content = new Map<string, Content>();
  for (const table of ['thread', 'reply']) {
    const rows = await selectJson<[string, number, number | null]>(
      em,
      `select ${jsonRows(dialect, ['id', millis('created_at', dialect), 'sentiment'])} as rows from ${table} where community_id = ?`,
      [communityId],
    );
    for (const [id, at, sentiment] of rows) content.set(id, [at, sentiment]);
  }
  const lookup = (id: string | null) => (id ? content.get(id) : undefined);
  const scan = `select ${columns(dialect)} from activity a where a.community_id = ? order by a.created_at, a.id`;
  if (dialect === 'sqlite') {
    const native = await (
      em.getConnection() as unknown as { getNativeClient(): Promise<NativeSqlite> }
    ).getNativeClient();
    let batch: ActivityFact[] = [];
    for (const row of native.prepare(scan).raw(true).iterate(communityId)) {
      batch.push(factOf(row as Row, lookup));
      if (batch.length === PAGE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    return;
  }
  if (!em.isInTransaction()) throw new Error('allFacts reads PostgreSQL through a cursor: call it in a transaction');
  // Sorting the log (when the plan sorts) in memory rather than in temporary files.
  await em.execute(`set local work_mem = '64MB'`);
  await em.execute(`declare rapport_ranking_facts no scroll cursor for ${scan}`, [communityId]);
  const fetchPage = () => em.execute<Record<string, unknown>[]>(`fetch forward ${PAGE} from rapport_ranking_facts`);
  // The next page is on its way while the caller works through this one.
  let next = fetchPage();
  try {
    for (;;) {
      const rows = await next;
      if (rows.length === 0) return;
      next = fetchPage();
      yield rows.map((r) => factOf(rowOf(r), lookup));
    }
  } finally {
    await next.catch(() => []);
    await em.execute('close rapport_ranking_facts');
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
