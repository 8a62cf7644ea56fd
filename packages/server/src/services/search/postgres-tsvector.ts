/**
 * PostgreSQL's part of search: `search_text.document`, a weighted tsvector in the community's
 * language, with a GIN index over all texts and one over threads' own texts (similar threads),
 * and pg_trgm on titles for typos.
 */
import type { Em } from '../../db/em.ts';
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

/**
 * The GIN index finds the community's matching texts; the first CANDIDATES threads' own texts
 * found are ranked, and as many replies (ts_rank_cd reads each one's document, which is what
 * costs). Threads' own texts go apart so that replies, ten times as many, never crowd them out.
 * The texts are found first (a materialized step), then each one's thread by its key (`limit 1`
 * keeps that a lookup): joined otherwise, planners walked every thread.
 */
export async function postgresMatches(em: Em, query: MatchQuery): Promise<RawMatch[]> {
  // Titles alike letter by letter cost a scan of trigrams: asked only when the words find few.
  const byWords = await matches(em, query, null);
  if (!query.typedTitle || new Set(byWords.map((r) => r.thread_id)).size >= FEW) return byWords;
  return matches(em, query, query.typedTitle);
}

/** Fewer threads than this found by the words: titles alike letter by letter are looked for too. */
const FEW = 5;

function matches(em: Em, query: MatchQuery, typed: string | null): Promise<RawMatch[]> {
  const filter = threadFilter(query);
  const part = (replies: boolean) => ({
    sql: `(select s.id as text_id, s.thread_id, s.source_id, s.is_reply,
         ts_rank_cd(s.document, q.query) ${typed ? '+ 0.2 * similarity(s.title, ?)' : ''} as relevance
       from search_text s, q
       where s.community_id = ? and ${replies ? 's.is_reply' : 'not s.is_reply'}
         and (s.document @@ q.query ${typed ? 'or s.title % ?' : ''})
         ${filter.sql ? `and exists (select 1 from thread t where t.id = s.thread_id${filter.sql})` : ''}
       limit ?)`,
    params: [...(typed ? [typed] : []), query.communityId, ...(typed ? [typed] : []), ...filter.params, CANDIDATES],
  });
  const parts = query.threadsOnly ? [part(false)] : [part(false), part(true)];
  return em.execute<RawMatch[]>(
    `with q as (select query from ${TS_QUERY} tq),
     texts as materialized (${parts.map((p) => p.sql).join(' union all ')})
     select texts.*, f.* from texts cross join lateral (
       select ${FACTS} from thread t where t.id = texts.thread_id and t.hidden_at is null and t.deleted_at is null
       limit 1
     ) f`,
    [...tsQueryParams(query), ...parts.flatMap((p) => p.params)],
  );
}

/**
 * In how many of the community's threads' own texts each word of `query` is found, counted no
 * further than COMMON_IN (a word that common tells no thread apart).
 */
export function postgresWordCounts(em: Em, query: MatchQuery): Promise<WordCount[]> {
  return em.execute<WordCount[]>(
    query.words
      .map(
        (_, i) => `select ${i} as i, count(*) as n from (select 1 from search_text s cross join ${TS_QUERY} tq
          where s.community_id = ? and not s.is_reply and s.document @@ tq.query limit ?) x${i}`,
      )
      .join(' union all '),
    query.words.flatMap((w) => [...tsQueryParams(oneWord(query, w)), query.communityId, COMMON_IN]),
  );
}

/** Which words of `query` (by their index) each of the threads' own texts `textIds` holds, a row each. */
export function postgresWordsIn(em: Em, query: MatchQuery, textIds: number[]): Promise<WordHeld[]> {
  return em.execute<WordHeld[]>(
    query.words
      .map(
        (_, i) => `select ${i} as i, s.id as text_id from search_text s cross join ${TS_QUERY} tq
          where s.community_id = ? and s.id in (${textIds.map(() => '?').join(', ')}) and s.document @@ tq.query`,
      )
      .join(' union all '),
    query.words.flatMap((w) => [...tsQueryParams(oneWord(query, w)), query.communityId, ...textIds]),
  );
}

const oneWord = (query: MatchQuery, word: string): MatchQuery => ({
  ...query,
  words: [word],
  mode: 'ANY',
  prefix: false,
});

/**
 * ts_headline drops what its parser takes for HTML tags, but people's text is text: "<" is
 * shielded as a control character (which stored text never holds) and given back after.
 */
const TAG_SHIELD = '\u0001';
const unshield = (text: string) => text.replaceAll(TAG_SHIELD, '<');

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=12, ShortWord=2`;

/** The matching texts around their words, by index row. */
export async function postgresExcerpts(em: Em, query: MatchQuery, textIds: number[]): Promise<Excerpts[]> {
  const rows = await em.execute<(Excerpts & { whole_body: string; whole_title: string })[]>(
    `select s.id as text_id, ts_headline(c.config, replace(s.body, '<', ?), tq.query, '${HEADLINE}') as body,
       ts_headline(c.config, replace(s.title, '<', ?), tq.query, '${HEADLINE}') as title,
       s.body as whole_body, s.title as whole_title
     from (select rapport_search_config(?) as config) c
     cross join ${TS_QUERY} tq
     join search_text s on s.community_id = ? and s.id in (${textIds.map(() => '?').join(', ')})`,
    [TAG_SHIELD, TAG_SHIELD, query.communityId, ...tsQueryParams(query), query.communityId, ...textIds],
  );
  return rows.map((r) => ({
    text_id: r.text_id,
    body: cutMarked(unshield(r.body), r.whole_body),
    title: cutMarked(unshield(r.title), r.whole_title),
  }));
}

/** Words (letters or digits) in a piece of text: what a cut leaves out, when it leaves any out. */
const WORDS = /[\p{L}\p{N}]/u;

/**
 * A headline with "…" where it cuts its text short, as SQLite's snippet() marks it: ts_headline
 * gives a piece of the text without saying whether there was more. A passage written twice in one
 * text is taken where it first stands.
 */
function cutMarked(marked: string, whole: string): string {
  const plain = marked.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
  const at = plain ? whole.indexOf(plain) : -1;
  if (at < 0) return marked;
  const before = WORDS.test(whole.slice(0, at)) ? '…' : '';
  const after = WORDS.test(whole.slice(at + plain.length)) ? '…' : '';
  return `${before}${marked}${after}`;
}

/**
 * tsquery, made in SQL word by word: unaccent can turn a letter into syntax (ŉ into 'n, ⑴ into
 * (1)), so each word is folded, then stripped of punctuation and spaces again, then joined.
 * ALL: every word; ANY: any of them. With `prefix`, the last (of three letters or more) may be
 * unfinished.
 */
const TS_QUERY = `(select to_tsquery(rapport_search_config(?), coalesce(string_agg(
    x.word || case when x.n = x.last then ? else '' end, ? order by x.n), '')) as query
  from (select regexp_replace(unaccent(w.word), '[[:punct:][:space:][:cntrl:]]', '', 'g') as word, w.n, count(*) over () as last
        from regexp_split_to_table(?, ' ') with ordinality as w(word, n)) x
  where x.word <> '')`;

function tsQueryParams({ communityId, words, mode, prefix }: MatchQuery): (string | number)[] {
  const unfinished = prefix && mode === 'ALL' && (words.at(-1)?.length ?? 0) >= PREFIX_LETTERS ? ':*' : '';
  return [communityId, unfinished, mode === 'ALL' ? ' & ' : ' | ', words.join(' ')];
}
