/**
 * SQLite's part of search: FTS5 over `search_text` (all texts, `search_fts`) and over threads' own
 * texts only (`search_thread_fts`, for similar threads: ten times fewer rows than with replies).
 * The indexes are shared by the communities of one database.
 */
import type { Em } from '../../db/em.ts';
import { stemmedText } from '../../db/search-stems.ts';
import {
  CANDIDATES,
  COMMON_IN,
  type Excerpts,
  FACTS,
  type MatchQuery,
  PREFIX_LETTERS,
  type RawMatch,
  threadFilter,
  type WordCount,
  type WordHeld,
} from './query.ts';
import { MARK_END, MARK_START } from './words.ts';

/** At most this many pages of candidates are read past other communities' texts. */
const PAGES = 8;

const indexOf = (query: MatchQuery) => (query.threadsOnly ? 'search_thread_fts' : 'search_fts');

/**
 * FTS5 reads matches newest first and stops at CANDIDATES of the community's: bm25 is computed
 * for those only. Texts of other communities (and replies, where they share the index) are passed
 * over a page at a time, never more than PAGES pages.
 */
export async function sqliteMatches(em: Em, query: MatchQuery): Promise<RawMatch[]> {
  const index = indexOf(query);
  const filter = threadFilter(query);
  const found: RawMatch[] = [];
  let below = Number.MAX_SAFE_INTEGER;
  for (let page = 0; page < PAGES && found.length < CANDIDATES; page++) {
    const rows = await em.execute<(RawMatch & { wanted: number })[]>(
      `select c.text_id, c.relevance, s.thread_id, s.source_id, s.is_reply, ${FACTS},
         s.community_id = ? and t.hidden_at is null and t.deleted_at is null${filter.sql} as wanted
       from (select rowid as text_id, -bm25(${index}, 4.0, 1.0) as relevance from ${index}
             where ${index} match ? and rowid < ? order by rowid desc limit ?) c
       join search_text s on s.id = c.text_id
       join thread t on t.id = s.thread_id`,
      [query.communityId, ...filter.params, ftsQuery(query), below, CANDIDATES],
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
 * In how many of the community's threads' own texts each word of `query` is found, counted no
 * further than COMMON_IN (a word that common tells no thread apart).
 */
export function sqliteWordCounts(em: Em, query: MatchQuery): Promise<WordCount[]> {
  return em.execute<WordCount[]>(
    query.words
      .map(
        (_, i) => `select ${i} as i, count(*) as n from (select 1 from search_thread_fts
          cross join search_text s on s.id = search_thread_fts.rowid
          where search_thread_fts match ? and s.community_id = ? limit ?)`,
      )
      .join(' union all '),
    query.words.flatMap((w) => [phrase(w), query.communityId, COMMON_IN]),
  );
}

/** Which words of `query` (by their index) each of the threads' own texts `textIds` holds, a row each. */
export function sqliteWordsIn(em: Em, query: MatchQuery, textIds: number[]): Promise<WordHeld[]> {
  const list = textIds.map(() => '?').join(', ');
  return em.execute<WordHeld[]>(
    query.words
      .map(
        (_, i) => `select ${i} as i, rowid as text_id from search_thread_fts
          where search_thread_fts match ? and rowid in (${list})`,
      )
      .join(' union all '),
    query.words.flatMap((w) => [phrase(w), ...textIds]),
  );
}

/**
 * The matching texts around their words, by index row. CROSS JOIN keeps the index first: the
 * planner otherwise read every community's texts to find these few (40 ms a search at 1.1 M).
 */
export function sqliteExcerpts(em: Em, query: MatchQuery, textIds: number[]): Promise<Excerpts[]> {
  return em.execute<Excerpts[]>(
    `select search_fts.rowid as text_id, snippet(search_fts, 1, ?, ?, '…', 16) as body,
       snippet(search_fts, 0, ?, ?, '…', 16) as title
     from search_fts cross join search_text s on s.id = search_fts.rowid
     where search_fts match ? and search_fts.rowid in (${textIds.map(() => '?').join(', ')}) and s.community_id = ?`,
    [MARK_START, MARK_END, MARK_START, MARK_END, ftsQuery(query), ...textIds, query.communityId],
  );
}

/** A word as the index holds it (its stem), quoted so that it is never syntax. */
const phrase = (word: string) => `"${stemmedText(word)}"`;

/**
 * FTS5: each word as the index holds it; ANY joins them with OR; ALL needs every one. With
 * `prefix`, the last word (of three letters or more) may be unfinished: as typed or as its stem
 * ("happy" is held as "happi", "deliv" begins "deliveri").
 */
function ftsQuery({ words, mode, prefix }: MatchQuery): string {
  const phrases = words.map(phrase);
  if (mode === 'ANY') return phrases.join(' OR ');
  const last = words.at(-1) ?? '';
  if (!prefix || last.length < PREFIX_LETTERS) return phrases.join(' AND ');
  return [...phrases.slice(0, -1), `("${last}"* OR ${phrases.at(-1)}*)`].join(' AND ');
}
