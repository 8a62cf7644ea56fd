import { dialectOfEm, type Em } from '../../db/orm.ts';
import { MARK_END, MARK_START } from './words.ts';

/** What ranking needs of a thread, read with its matches (no entity is loaded for ranking). */
export interface ThreadFacts {
  id: string;
  mergedInto: string | null;
  visible: boolean;
  voteCount: number;
  createdAt: Date;
}

/** A searchable text that matched: a thread's own (title and body) or a reply's. */
export interface Match {
  threadId: string;
  sourceId: string;
  isReply: boolean;
  /** The engine's relevance, higher is better; comparable within one query only. */
  relevance: number;
  thread: ThreadFacts;
}

export interface MatchQuery {
  communityId: string;
  words: string[];
  /** ALL: every word (the last one as a prefix, for typing); ANY: any of them, best first. */
  mode: 'ALL' | 'ANY';
  /** Threads' own texts only (similar threads), not replies. */
  threadsOnly: boolean;
  /**
   * A title as typed, for similar threads: on PostgreSQL, titles alike letter by letter (pg_trgm)
   * count too, which forgives typos ("bots leeking") the words alone would miss.
   */
  typedTitle?: string;
  limit: number;
}

/**
 * The database's own full-text engine, behind one shape: SQLite's FTS5 (bm25, the title counting
 * four times the text) or PostgreSQL's tsvector (ts_rank_cd, title weight A, text B), both over
 * `search_text`, which triggers keep exact (see the full_text_search migration).
 */
export async function findMatches(em: Em, query: MatchQuery): Promise<Match[]> {
  if (!query.words.length) return [];
  const postgres = dialectOfEm(em) === 'postgresql';
  const typed = postgres && query.typedTitle ? query.typedTitle : null;
  // Each text with its thread's facts, the texts of hidden and deleted threads left out before
  // any limit; at most three texts a thread, so that one long conversation cannot fill the limit.
  const matched = postgres
    ? `select s.thread_id, s.source_id, s.is_reply, ${FACTS},
         ts_rank_cd(s.document, tq.query) ${typed ? '+ 0.2 * similarity(s.title, ?)' : ''} as relevance
       from search_text s cross join ${TS_QUERY} tq
       join thread t on t.id = s.thread_id and t.hidden_at is null and t.deleted_at is null
       where s.community_id = ? ${query.threadsOnly ? 'and not s.is_reply' : ''}
         and (s.document @@ tq.query ${typed ? 'or s.title % ?' : ''})`
    : `select s.thread_id, s.source_id, s.is_reply, ${FACTS}, -bm25(search_fts, 4.0, 1.0) as relevance
       from search_fts join search_text s on s.id = search_fts.rowid
       join thread t on t.id = s.thread_id and t.hidden_at is null and t.deleted_at is null
       where search_fts match ? and s.community_id = ? ${query.threadsOnly ? 'and s.is_reply = 0' : ''}`;
  const params = postgres
    ? [...(typed ? [typed] : []), ...tsQueryParams(query), query.communityId, ...(typed ? [typed] : []), query.limit]
    : [ftsQuery(query), query.communityId, query.limit];
  const rows = await em.execute<RawMatch[]>(
    `select * from (
       select m.*, row_number() over (partition by m.thread_id order by m.relevance desc) as nth from (${matched}) m
     ) ranked where nth <= 3 order by relevance desc limit ?`,
    params,
  );
  return rows.map((r) => ({
    threadId: r.thread_id,
    sourceId: r.source_id,
    isReply: Boolean(r.is_reply),
    relevance: Number(r.relevance),
    thread: factsOf(r),
  }));
}

/** The ranking facts of threads by id (the threads merged-into threads lead to). */
export async function threadFacts(em: Em, communityId: string, ids: string[]): Promise<ThreadFacts[]> {
  if (!ids.length) return [];
  const rows = await em.execute<RawFacts[]>(
    `select t.id as thread_id, ${FACTS} from thread t where t.community_id = ? and t.id in (${ids.map(() => '?').join(', ')})`,
    [communityId, ...ids],
  );
  return rows.map(factsOf);
}

const FACTS =
  't.merged_into_id, t.vote_count, t.created_at, case when t.hidden_at is null and t.deleted_at is null then 1 else 0 end as visible';

interface RawFacts {
  thread_id: string;
  merged_into_id: string | null;
  vote_count: number | string;
  created_at: number | string | Date;
  visible: number | string | boolean;
}

interface RawMatch extends RawFacts {
  source_id: string;
  is_reply: number | boolean;
  relevance: number | string;
}

function factsOf(r: RawFacts): ThreadFacts {
  const at = r.created_at;
  return {
    id: r.thread_id,
    mergedInto: r.merged_into_id,
    visible: Number(r.visible) === 1 || r.visible === true,
    voteCount: Number(r.vote_count),
    // SQLite keeps a time as milliseconds, PostgreSQL as a timestamp.
    createdAt: at instanceof Date ? at : new Date(Number.isNaN(Number(at)) ? String(at) : Number(at)),
  };
}

/**
 * The text of each source around its matching words, marked with MARK_START/MARK_END: a reply's
 * text, a thread's body (its title where the body has no match).
 */
export async function markedExcerpts(em: Em, query: MatchQuery, sourceIds: string[]): Promise<Map<string, string>> {
  if (!sourceIds.length || !query.words.length) return new Map();
  const marks = sourceIds.map(() => '?').join(', ');
  const rows =
    dialectOfEm(em) === 'postgresql'
      ? await em
          .execute<Excerpts[]>(
            `select s.source_id, ts_headline(c.config, replace(s.body, '<', ?), tq.query, '${HEADLINE}') as body,
             ts_headline(c.config, replace(s.title, '<', ?), tq.query, '${HEADLINE}') as title
           from (select rapport_search_config(?) as config) c
           cross join ${TS_QUERY} tq
           join search_text s on s.community_id = ? and s.source_id in (${marks})`,
            [TAG_SHIELD, TAG_SHIELD, query.communityId, ...tsQueryParams(query), query.communityId, ...sourceIds],
          )
          .then((rows) => rows.map((r) => ({ ...r, body: unshield(r.body), title: unshield(r.title) })))
      : await em.execute<Excerpts[]>(
          `select s.source_id, snippet(search_fts, 1, ?, ?, '…', 16) as body, snippet(search_fts, 0, ?, ?, '…', 16) as title
           from search_fts join search_text s on s.id = search_fts.rowid
           where search_fts match ? and s.community_id = ? and s.source_id in (${marks})`,
          [MARK_START, MARK_END, MARK_START, MARK_END, ftsQuery(query), query.communityId, ...sourceIds],
        );
  return new Map(
    rows.map((r) => [r.source_id, r.body.includes(MARK_START) || !r.title || !r.body ? r.body || r.title : r.title]),
  );
}

interface Excerpts {
  source_id: string;
  body: string;
  title: string;
}

/**
 * ts_headline drops what its parser takes for HTML tags, but people's text is text: "<" is
 * shielded as a control character (which stored text never holds) and given back after.
 */
const TAG_SHIELD = '\u0001';
const unshield = (text: string) => text.replaceAll(TAG_SHIELD, '<');

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=12, ShortWord=2`;

/**
 * FTS5: each word quoted (so it is never syntax); ANY joins them with OR; ALL needs every one, the
 * last (of three letters or more) as a prefix.
 */
function ftsQuery({ words, mode }: MatchQuery): string {
  const quoted = words.map((w) => `"${w}"`);
  if (mode === 'ANY') return quoted.join(' OR ');
  return (words.at(-1)?.length ?? 0) >= 3 ? `${quoted.join(' ')}*` : quoted.join(' ');
}

/**
 * tsquery, made in SQL word by word: unaccent can turn a letter into syntax (ŉ into 'n, ⑴ into
 * (1)), so each word is folded, then stripped of punctuation and spaces again, then joined.
 * ALL: every word, the last (of three letters or more) as a prefix; ANY: any of them.
 */
const TS_QUERY = `(select to_tsquery(rapport_search_config(?), coalesce(string_agg(
    x.word || case when x.n = x.last then ? else '' end, ? order by x.n), '')) as query
  from (select regexp_replace(unaccent(w.word), '[[:punct:][:space:][:cntrl:]]', '', 'g') as word, w.n, count(*) over () as last
        from regexp_split_to_table(?, ' ') with ordinality as w(word, n)) x
  where x.word <> '')`;

function tsQueryParams({ communityId, words, mode }: MatchQuery): (string | number)[] {
  const prefix = mode === 'ALL' && (words.at(-1)?.length ?? 0) >= 3 ? ':*' : '';
  return [communityId, prefix, mode === 'ALL' ? ' & ' : ' | ', words.join(' ')];
}
