/** The shapes the search engine's parts share (engine.ts and one module per database). */
import type { ThreadKind, ThreadStatus } from '../../entities/index.ts';

/** What ranking needs of a thread, read with its matches (no entity is loaded for ranking). */
export interface ThreadFacts {
  id: string;
  kind: ThreadKind;
  status: ThreadStatus;
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
  /**
   * For similar threads: the share of the new post's telling words (each weighed by its rarity)
   * that this text holds, 0–1; 1 for other searches, where every word must match.
   */
  coverage: number;
  thread: ThreadFacts;
}

export interface MatchQuery {
  communityId: string;
  words: string[];
  /** ALL: every word; ANY: any of them, best first. */
  mode: 'ALL' | 'ANY';
  /** The last word may be unfinished (typed so far): it matches as a prefix (three letters or more). */
  prefix: boolean;
  /** Threads' own texts only (similar threads), not replies. */
  threadsOnly: boolean;
  /**
   * A title as typed, for similar threads: on PostgreSQL, titles alike letter by letter (pg_trgm)
   * count too, which forgives typos ("bots leeking") the words alone would miss.
   */
  typedTitle?: string;
  /**
   * Only texts of threads of these statuses and kinds (a list's filters), asked of the engine so
   * that they count among the texts it ranks: filtered after, a rare status among a common word's
   * many texts could be missed. A merged thread's texts are kept whatever its own status: they
   * lead to the thread it was merged into, which the ranking checks (find.ts).
   */
  status?: readonly ThreadStatus[] | null;
  kind?: readonly ThreadKind[] | null;
  limit: number;
}

/** The fewest letters a word typed so far is matched by as the beginning of a word (a prefix query). */
export const PREFIX_LETTERS = 3;

/**
 * Texts ranked per query at most (on PostgreSQL, of threads' own texts and of replies each). A
 * word found in more texts than this (one in a few hundred, in a big community) is judged on the
 * newest on SQLite and on the first found on PostgreSQL: such a word tells little apart, and
 * ranking every text that holds it would make a search's cost grow with the community.
 */
export const CANDIDATES = 500;

/**
 * A word in this many threads' own texts or more tells no thread apart: "any of these words"
 * (similar threads) leaves it out, as it leaves out "the" and "with", unless every word is one.
 */
export const COMMON_IN = 500;

/** The condition on a text's thread (aliased `t`) for the query's statuses and kinds, and its values. */
export function threadFilter(query: MatchQuery): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const [column, values] of [
    ['t.status', query.status],
    ['t.kind', query.kind],
  ] as const) {
    if (!values?.length) continue;
    parts.push(`${column} in (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  if (!parts.length) return { sql: '', params };
  return { sql: ` and (t.merged_into_id is not null or (${parts.join(' and ')}))`, params };
}

export const FACTS =
  't.kind, t.status, t.merged_into_id, t.vote_count, t.created_at, case when t.hidden_at is null and t.deleted_at is null then 1 else 0 end as visible';

export interface RawFacts {
  thread_id: string;
  kind: ThreadKind;
  status: ThreadStatus;
  merged_into_id: string | null;
  vote_count: number | string;
  created_at: number | string | Date;
  visible: number | string | boolean;
}

export interface RawMatch extends RawFacts {
  text_id: number | string;
  source_id: string;
  is_reply: number | boolean;
  relevance: number | string;
}

export interface Excerpts {
  text_id: number | string;
  body: string;
  title: string;
}

/** How many threads' own texts hold word `i` of a query (counted no further than COMMON_IN). */
export interface WordCount {
  i: number | string;
  n: number | string;
}

/** Text `text_id` holds word `i` of a query. */
export interface WordHeld {
  i: number | string;
  text_id: number | string;
}
