import { dialectOfEm, type Em } from '../../db/em.ts';

export { CANDIDATES, COMMON_IN, type Match, type MatchQuery, type ThreadFacts } from './query.ts';

import { postgresExcerpts, postgresMatches, postgresWordCounts, postgresWordsIn } from './postgres-tsvector.ts';
import { COMMON_IN, FACTS, type Match, type MatchQuery, type RawFacts, type ThreadFacts } from './query.ts';
import { sqliteExcerpts, sqliteMatches, sqliteWordCounts, sqliteWordsIn } from './sqlite-fts.ts';
import { MARK_START } from './words.ts';

/**
 * The database's own full-text engine, behind one shape: SQLite's FTS5 (bm25, the title counting
 * four times the text; see sqlite-fts.ts) or PostgreSQL's tsvector (ts_rank_cd, title weight A,
 * text B; see postgres-tsvector.ts), both over `search_text`, which triggers keep exact (see the
 * full_text_search migration). Hidden and deleted threads' texts are left out; at most three
 * texts a thread are kept, so that one long conversation cannot fill the limit.
 */
export async function findMatches(em: Em, query: MatchQuery): Promise<Match[]> {
  if (!query.words.length) return [];
  const postgres = dialectOfEm(em) === 'postgresql';
  let asked = query;
  let weights: number[] | undefined;
  if (query.mode === 'ANY' && query.threadsOnly) {
    const counts = query.words.map(() => 0);
    for (const r of await (postgres ? postgresWordCounts(em, query) : sqliteWordCounts(em, query))) {
      counts[Number(r.i)] = Number(r.n);
    }
    const rare = query.words.flatMap((_, i) => ((counts[i] ?? 0) < COMMON_IN ? [i] : []));
    const kept = rare.length ? rare : query.words.map((_, i) => i);
    asked = { ...query, words: kept.map((i) => query.words[i] as string) };
    weights = kept.map((i) => rarity(counts[i] ?? 0));
  }
  const rows = postgres ? await postgresMatches(em, asked) : await sqliteMatches(em, asked);
  const perThread = new Map<string, number>();
  const kept = rows
    .sort((a, b) => Number(b.relevance) - Number(a.relevance))
    .filter((r) => {
      const seen = perThread.get(r.thread_id) ?? 0;
      perThread.set(r.thread_id, seen + 1);
      return seen < 3;
    })
    .slice(0, query.limit);
  const coverage = weights ? await coverageOf(em, postgres, asked, weights, kept) : undefined;
  return kept.map((r) => ({
    threadId: r.thread_id,
    sourceId: r.source_id,
    textId: Number(r.text_id),
    isReply: Boolean(r.is_reply),
    relevance: Number(r.relevance),
    coverage: coverage?.get(Number(r.text_id)) ?? 1,
    thread: factsOf(r),
  }));
}

/**
 * How rare a word is among the community's threads (an inverse document frequency, on counts
 * capped at COMMON_IN): a word no thread holds tells none apart and weighs nothing.
 */
const rarity = (count: number) => (count === 0 ? 0 : Math.log((COMMON_IN + 1) / count));

/** The share of the words' rarity each text holds (1 when none of the words is held anywhere). */
async function coverageOf(
  em: Em,
  postgres: boolean,
  query: MatchQuery,
  weights: number[],
  rows: { text_id: number | string }[],
): Promise<Map<number, number>> {
  const ids = rows.map((r) => Number(r.text_id));
  const held = new Map<number, Set<number>>();
  if (!ids.length) return new Map();
  for (const r of await (postgres ? postgresWordsIn(em, query, ids) : sqliteWordsIn(em, query, ids))) {
    const id = Number(r.text_id);
    held.set(id, (held.get(id) ?? new Set()).add(Number(r.i)));
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  return new Map(
    ids.map((id) => {
      let share = 0;
      for (const i of held.get(id) ?? []) share += weights[i] ?? 0;
      return [id, total > 0 ? share / total : 1];
    }),
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

function factsOf(r: RawFacts): ThreadFacts {
  const at = r.created_at;
  return {
    id: r.thread_id,
    kind: r.kind,
    status: r.status,
    mergedInto: r.merged_into_id,
    visible: Number(r.visible) === 1 || r.visible === true,
    voteCount: Number(r.vote_count),
    // SQLite keeps a time as milliseconds, PostgreSQL as a timestamp.
    createdAt: at instanceof Date ? at : new Date(Number.isNaN(Number(at)) ? String(at) : Number(at)),
  };
}

/** The title and the first `characters` of the text of each of the texts, by their rows in the index. */
export async function textsOf(
  em: Em,
  communityId: string,
  textIds: number[],
  characters: number,
): Promise<Map<number, { title: string; body: string }>> {
  if (!textIds.length) return new Map();
  const rows = await em.execute<{ id: number | string; title: string; body: string }[]>(
    `select id, title, substr(body, 1, ?) as body from search_text
     where community_id = ? and id in (${textIds.map(() => '?').join(', ')})`,
    [characters, communityId, ...textIds],
  );
  return new Map(rows.map((r) => [Number(r.id), { title: r.title, body: r.body }]));
}

/**
 * The text of each source around its matching words, marked with MARK_START/MARK_END: a reply's
 * text, a thread's body (its title where the body has no match).
 */
export async function markedExcerpts(em: Em, query: MatchQuery, textIds: number[]): Promise<Map<number, string>> {
  if (!textIds.length || !query.words.length) return new Map();
  const rows =
    dialectOfEm(em) === 'postgresql'
      ? await postgresExcerpts(em, query, textIds)
      : await sqliteExcerpts(em, query, textIds);
  return new Map(
    rows.map((r) => [
      Number(r.text_id),
      r.body.includes(MARK_START) || !r.title || !r.body ? r.body || r.title : r.title,
    ]),
  );
}
