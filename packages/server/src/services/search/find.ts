import { badInput } from '../../core/errors.ts';
import type { Scope } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { Community, Thread, type ThreadKind, type ThreadStatus } from '../../entities/index.ts';
import { languageOfCommunity } from '../sentiment.ts';
import {
  findMatches,
  type Match,
  type MatchQuery,
  markedExcerpts,
  type ThreadFacts,
  textsOf,
  threadFacts,
} from './engine.ts';
import { likeness, MEANING_CHARACTERS, meaningOf, wordsOfText } from './meaning.ts';
import { isCommon, snippetParts, type TextPart, tellingWords, wordsOf } from './words.ts';

/** Threads a search can page through: enough for anyone, bounded for the database. */
const MAX_RESULTS = 100;
/** Texts read from the engine to make those threads (several may belong to one thread). */
const MAX_MATCHES = 400;

export interface SearchHit {
  thread: Thread;
  /** Where the words were found: the thread's own title or text, or a reply (customer's or staff's). */
  matchedIn: 'THREAD' | 'REPLY';
  /** The text around the words, with the words marked: text parts, never HTML. */
  excerpt: TextPart[];
}

export interface SearchPage {
  hits: SearchHit[];
  /** Offset of the next page, or null at the end. */
  next: number | null;
  offset: number;
}

/** Only threads of these statuses, or kinds (as the list's filters). */
export interface ThreadFilters {
  status?: ThreadStatus[] | null;
  kind?: ThreadKind[] | null;
}

/**
 * A search's words, every one to be found in a thread's texts (a list's search box, Community.search);
 * `asTyped`: the last word may be unfinished, as in a box searched while typing. In an
 * English-speaking community English's little words ("gloves for the winter") are not required
 * when other words are there to ask for, and alone they find nothing: PostgreSQL's english
 * configuration never indexes them, and SQLite's index holds them like any other word.
 */
async function everyWord(
  scope: Scope,
  text: string,
  asTyped: boolean,
  filters: ThreadFilters = {},
): Promise<{ query: MatchQuery; typedWords: boolean }> {
  const typed = wordsOf(valid.text(text, valid.LIMITS.search));
  const asked = typed.filter((word) => !isCommon(word));
  const words = asked.length < typed.length && (await inEnglish(scope)) ? asked : typed;
  return {
    query: {
      communityId: scope.communityId,
      words,
      mode: 'ALL',
      prefix: asTyped,
      threadsOnly: false,
      status: filters.status,
      kind: filters.kind,
      limit: MAX_MATCHES,
    },
    typedWords: typed.length > 0,
  };
}

async function inEnglish(scope: Scope): Promise<boolean> {
  const community = await scope.loaders.byId(Community).load(scope.communityId);
  return community != null && languageOfCommunity(community) === 'en';
}

/**
 * Threads whose title, text or replies hold every word (the last one as typed so far), most
 * relevant first, relevance blended with votes and recency. Hidden, deleted and withdrawn texts
 * are not in the index; a match in a thread merged into another leads to that one.
 */
export async function searchThreads(
  scope: Scope,
  text: string,
  args: ThreadFilters & { first?: number | null; after?: string | null; asTyped?: boolean | null },
): Promise<SearchPage> {
  const first = valid.pageSize(args.first, 50, 20);
  const offset = offsetOf(args.after);
  const { status, kind } = args;
  const { query } = await everyWord(scope, text, args.asTyped === true, { status, kind });
  // The engine reads only texts of such threads, and of merged ones: checked again where those lead.
  const ranked = await rankThreads(scope, await findMatches(scope.em, query), {
    keep: (thread) =>
      (!status?.length || status.includes(thread.status)) && (!kind?.length || kind.includes(thread.kind)),
  });
  const page = ranked.slice(offset, offset + first);
  const [excerpts, threads] = await Promise.all([
    markedExcerpts(
      scope.em,
      query,
      page.map((r) => r.best.textId),
    ),
    loadThreads(
      scope,
      page.map((r) => r.threadId),
    ),
  ]);
  const byId = new Map(threads.map((t) => [t.id, t]));
  return {
    hits: page.flatMap((r) => {
      const thread = byId.get(r.threadId);
      if (!thread) return [];
      return [
        {
          thread,
          matchedIn: r.best.isReply ? ('REPLY' as const) : ('THREAD' as const),
          excerpt: snippetParts(excerpts.get(r.best.textId) ?? ''),
        },
      ];
    }),
    next: offset + first < ranked.length ? offset + first : null,
    offset,
  };
}

/**
 * The ids of the threads a list's search words find (at most MAX_RESULTS, most relevant first),
 * or null when the text holds no words to search for (English's little words alone find none).
 */
export async function threadsMatching(
  scope: Scope,
  text: string,
  filters: ThreadFilters = {},
): Promise<string[] | null> {
  // The list's box searches as the words are typed.
  const { query, typedWords } = await everyWord(scope, text, true, filters);
  if (!query.words.length) return typedWords ? [] : null;
  return (await rankThreads(scope, await findMatches(scope.em, query))).map((r) => r.threadId);
}

/**
 * Threads that may be the same as a new one being written (its title, then its text): those
 * sharing the most telling words, by the same blend. For the post form, the merge form and the
 * duplicates shown beside a new thread.
 */
export async function similarThreads(
  scope: Scope,
  input: { title: string; body?: string | null; excludeId?: string | null; first?: number | null },
): Promise<Thread[]> {
  const first = valid.pageSize(input.first, 10, 5);
  const title = valid.text(input.title, { ...valid.LIMITS.threadTitle, min: 0 });
  const body = input.body ? valid.text(input.body, valid.LIMITS.threadBody) : '';
  const words = [...new Set([...tellingWords(title), ...tellingWords(body)])].slice(0, 24);
  const matches = await findMatches(scope.em, {
    communityId: scope.communityId,
    words,
    mode: 'ANY',
    prefix: false,
    threadsOnly: true,
    typedTitle: title,
    limit: 50,
  });
  const alike = await likenessInMeaning(scope, title, body, matches);
  const ranked = await rankThreads(scope, matches, {
    relevanceOf: (match, top) => similarity(match, top) + MEANING * (alike.get(match.textId) ?? 0),
  });
  return loadThreads(
    scope,
    ranked
      .map((r) => r.threadId)
      .filter((id) => id !== input.excludeId)
      .slice(0, first),
  );
}

/**
 * How alike a thread is to a post being written: the share of the post's telling words it holds,
 * each weighed by its rarity (Match.coverage), the engine's own relevance breaking near-ties.
 * PostgreSQL's ts_rank_cd knows no word rarity, so common words outweighed telling ones there;
 * BENCHMARKS.md has the evaluation.
 */
const similarity = (match: Match, top: number) => match.coverage + 0.05 * (match.relevance / top);

/**
 * How much likeness in meaning counts beside the shared words: "Hotkeys for common actions" finds
 * "Keyboard shortcuts for power users", which shares no telling word of its title; more would let
 * meaning alone outrank a thread holding the post's rarest word. BENCHMARKS.md has the evaluation.
 */
const MEANING = 0.2;

/**
 * The likeness in meaning of each matching text to the post (meaning.ts), by the text's row; none
 * where the community does not write English, the language the word vectors know.
 */
async function likenessInMeaning(
  scope: Scope,
  title: string,
  body: string,
  matches: Match[],
): Promise<Map<number, number>> {
  const post = matches.length ? meaningOf(wordsOfText(title, body)) : null;
  if (!post || !(await inEnglish(scope))) return new Map();
  const ids = [...new Set(matches.map((m) => m.textId))];
  const texts = await textsOf(scope.em, scope.communityId, ids, MEANING_CHARACTERS);
  return new Map(
    [...texts].map(([id, text]) => {
      const meaning = meaningOf(wordsOfText(text.title, text.body));
      return [id, meaning ? likeness(post, meaning) : 0];
    }),
  );
}

interface Ranked {
  threadId: string;
  best: Match;
  score: number;
}

/**
 * Hidden threads are never found, by anyone (staff find them in moderation). Groups matches by
 * the thread they lead to and orders the threads by relevance (the best text's, a little more for
 * each further matching text), weighed up by votes and, gently, by recency. Reads only the facts
 * that came with the matches: entities are loaded for the threads shown, not for those ranked.
 * `keep` leaves out threads (led to) that a filter does not want.
 */
async function rankThreads(
  scope: Scope,
  matches: Match[],
  {
    relevanceOf = (match, top) => match.relevance / top,
    keep = () => true,
  }: { relevanceOf?: (match: Match, top: number) => number; keep?: (thread: ThreadFacts) => boolean } = {},
): Promise<Ranked[]> {
  if (!matches.length) return [];
  // Where merged threads lead: along a chain (A into B, then B into C), to its end.
  const targets = new Map<string, ThreadFacts>();
  let pending = [...new Set(matches.flatMap((m) => (m.thread.mergedInto ? [m.thread.mergedInto] : [])))];
  for (let hop = 0; pending.length && hop < 5; hop++) {
    const found = await threadFacts(scope.em, scope.communityId, pending);
    for (const t of found) targets.set(t.id, t);
    pending = found.flatMap((t) => (t.mergedInto && !targets.has(t.mergedInto) ? [t.mergedInto] : []));
  }
  const end = (facts: ThreadFacts | undefined): ThreadFacts | undefined => {
    let at = facts;
    for (let hop = 0; at?.mergedInto && hop < 6; hop++) at = targets.get(at.mergedInto);
    return at;
  };
  const top = Math.max(...matches.map((m) => m.relevance), Number.MIN_VALUE);
  const byThread = new Map<string, { thread: ThreadFacts; best: Match; relevance: number; texts: number }>();
  for (const match of matches) {
    const own = match.thread;
    const thread = end(own);
    if (!thread || !own.visible || !thread.visible || thread.mergedInto || !keep(thread)) continue;
    const seen = byThread.get(thread.id);
    if (!seen) byThread.set(thread.id, { thread, best: match, relevance: relevanceOf(match, top), texts: 1 });
    else seen.texts += 1;
  }
  const now = Date.now();
  return [...byThread.values()]
    .map(({ thread, best, relevance, texts }) => {
      const ageDays = (now - thread.createdAt.getTime()) / 86_400_000;
      const score =
        relevance *
        (1 + 0.1 * Math.min(texts - 1, 5)) *
        (1 + 0.15 * Math.log1p(thread.voteCount)) *
        (0.8 + 0.2 * Math.exp(-ageDays / 365));
      return { threadId: thread.id, best, score };
    })
    .sort((a, b) => b.score - a.score || (a.threadId < b.threadId ? -1 : 1))
    .slice(0, MAX_RESULTS);
}

/** The threads of `ids`, in that order (those gone since they were ranked left out). */
async function loadThreads(scope: Scope, ids: string[]): Promise<Thread[]> {
  const rows = await Promise.all(ids.map((id) => scope.loaders.byId(Thread).load(id)));
  return rows.filter((t): t is Thread => t != null);
}

function offsetOf(after: string | null | undefined): number {
  if (after == null) return 0;
  const offset = Number(after);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_RESULTS) throw badInput('error.staleCursor', 'after');
  return offset;
}
