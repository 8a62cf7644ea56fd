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
  /** The text's row in the index. */
  textId: number;
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
 * Texts ranked per query at most (on PostgreSQL, of threads' own texts and of replies each). A
 * word found in more texts than this (one in a few hundred, in a big community) is judged on the
 * newest on SQLite and on the first found on PostgreSQL: such a word tells little apart, and
 * ranking every text that holds it would make a search's cost grow with the community.
 */
export const CANDIDATES = 1_000;

/**
 * The database's own full-text engine, behind one shape: SQLite's FTS5 (bm25, the title counting
 * four times the text) or PostgreSQL's tsvector (ts_rank_cd, title weight A, text B), both over
 * `search_text`, which triggers keep exact (see the full_text_search migration). Hidden and
 * deleted threads' texts are left out; at most three texts a thread are kept, so that one long
 * conversation cannot fill the limit.
 */
export async function findMatches(em: Em, query: MatchQuery): Promise<Match[]> {
  if (!query.words.length) return [];
  const rows = dialectOfEm(em) === 'postgresql' ? await postgresMatches(em, query) : await sqliteMatches(em, query);
  const perThread = new Map<string, number>();
  return rows
    .sort((a, b) => Number(b.relevance) - Number(a.relevance))
    .filter((r) => {
      const seen = perThread.get(r.thread_id) ?? 0;
      perThread.set(r.thread_id, seen + 1);
      return seen < 3;
    })
    .slice(0, query.limit)
    .map((r) => ({
      threadId: r.thread_id,
      sourceId: r.source_id,
      textId: Number(r.text_id),
      isReply: Boolean(r.is_reply),
      relevance: Number(r.relevance),
      thread: factsOf(r),
    }));
}

/**
 * FTS5 reads matches newest first and stops at CANDIDATES: bm25 is computed for those only. The
 * index is shared by the communities of one database, so texts of other communities (and replies,
 * for threads' own texts) are passed over a page at a time, never more than PAGES pages.
 */
async function sqliteMatches(em: Em, query: MatchQuery): Promise<RawMatch[]> {
  const PAGES = 8;
  const found: RawMatch[] = [];
  let below = Number.MAX_SAFE_INTEGER;
  for (let page = 0; page < PAGES && found.length < CANDIDATES; page++) {
    const rows = await em.execute<(RawMatch & { wanted: number })[]>(
      `select c.text_id, c.relevance, s.thread_id, s.source_id, s.is_reply, ${FACTS},
         s.community_id = ? ${query.threadsOnly ? 'and s.is_reply = 0' : ''}
           and t.hidden_at is null and t.deleted_at is null as wanted
       from (select rowid as text_id, -bm25(search_fts, 4.0, 1.0) as relevance from search_fts
             where search_fts match ? and rowid < ? order by rowid desc limit ?) c
       join search_text s on s.id = c.text_id
       join thread t on t.id = s.thread_id`,
      [query.communityId, ftsQuery(query), below, CANDIDATES],
    );
    for (const row of rows) {
      below = Math.min(below, Number(row.text_id));
      if (row.wanted) found.push(row);
    }
    if (rows.length < CANDIDATES) break;
  }
  return found;
}

/**
 * The GIN index finds the community's matching texts; the first CANDIDATES threads' own texts
 * found are ranked, and as many replies (ts_rank_cd reads each one's document, which is what
 * costs). Threads' own texts go apart so that replies, ten times as many, never crowd them out.
 */
async function postgresMatches(em: Em, query: MatchQuery): Promise<RawMatch[]> {
  const typed = query.typedTitle ? query.typedTitle : null;
  const part = (replies: boolean) => ({
    sql: `(select s.id as text_id, s.thread_id, s.source_id, s.is_reply, s.document, s.title, tq.query, ${FACTS}
       from search_text s cross join ${TS_QUERY} tq
       join thread t on t.id = s.thread_id and t.hidden_at is null and t.deleted_at is null
       where s.community_id = ? and ${replies ? 's.is_reply' : 'not s.is_reply'}
         and (s.document @@ tq.query ${typed ? 'or s.title % ?' : ''})
       limit ?)`,
    params: [...tsQueryParams(query), query.communityId, ...(typed ? [typed] : []), CANDIDATES],
  });
  const parts = query.threadsOnly ? [part(false)] : [part(false), part(true)];
  return em.execute<RawMatch[]>(
    `select c.text_id, c.thread_id, c.source_id, c.is_reply, c.merged_into_id, c.vote_count, c.created_at, c.visible,
       ts_rank_cd(c.document, c.query) ${typed ? '+ 0.2 * similarity(c.title, ?)' : ''} as relevance
     from (${parts.map((p) => p.sql).join(' union all ')}) c`,
    [...(typed ? [typed] : []), ...parts.flatMap((p) => p.params)],
  );
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
  text_id: number | string;
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
export async function markedExcerpts(em: Em, query: MatchQuery, textIds: number[]): Promise<Map<number, string>> {
  if (!textIds.length || !query.words.length) return new Map();
  const marks = textIds.map(() => '?').join(', ');
  const rows =
    dialectOfEm(em) === 'postgresql'
      ? await em
          .execute<Excerpts[]>(
            `select s.id as text_id, ts_headline(c.config, replace(s.body, '<', ?), tq.query, '${HEADLINE}') as body,
             ts_headline(c.config, replace(s.title, '<', ?), tq.query, '${HEADLINE}') as title
           from (select rapport_search_config(?) as config) c
           cross join ${TS_QUERY} tq
           join search_text s on s.community_id = ? and s.id in (${marks})`,
            [TAG_SHIELD, TAG_SHIELD, query.communityId, ...tsQueryParams(query), query.communityId, ...textIds],
          )
          .then((rows) => rows.map((r) => ({ ...r, body: unshield(r.body), title: unshield(r.title) })))
      : await em.execute<Excerpts[]>(
          `select search_fts.rowid as text_id, snippet(search_fts, 1, ?, ?, '…', 16) as body,
             snippet(search_fts, 0, ?, ?, '…', 16) as title
           from search_fts join search_text s on s.id = search_fts.rowid
           where search_fts match ? and search_fts.rowid in (${marks}) and s.community_id = ?`,
          [MARK_START, MARK_END, MARK_START, MARK_END, ftsQuery(query), ...textIds, query.communityId],
        );
  return new Map(
    rows.map((r) => [
      Number(r.text_id),
      r.body.includes(MARK_START) || !r.title || !r.body ? r.body || r.title : r.title,
    ]),
  );
}

interface Excerpts {
  text_id: number | string;
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
