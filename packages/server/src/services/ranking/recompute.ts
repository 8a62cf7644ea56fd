import { dialectOfEm, type Em } from '../../db/em.ts';
import { Activity, Community, MemberScore, Reply, Thread } from '../../entities/index.ts';
import { communityLanguage, readSentiment, readThreadSentiment } from '../sentiment.ts';
import { scanFacts } from './facts.ts';
import { lockRanking } from './lock.ts';
import { scoreOf } from './model.ts';
import { Replay } from './replay.ts';
import { rankingSettings } from './settings.ts';

export interface RecomputeResult {
  members: number;
  activities: number;
  milliseconds: number;
}

export interface RecomputeOptions {
  /** Called every few thousand activities (the CLI's progress bar). */
  onProgress?(done: number, total: number): void;
}

const BATCH = 1000;
const PROGRESS_EVERY = 50_000;
const tenantOff = { filters: { tenant: false } } as const;

/**
 * Recomputes a community's ranking from its whole activity log: every member's love, reach,
 * sentiment and score, replacing what the incremental updates kept. The same model as they use,
 * so the numbers agree (tested). Texts not read yet in their own language (written before
 * languages were told apart, or imported from such a host) are read first.
 */
export async function recomputeRanking(
  em: Em,
  communityId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const started = performance.now();
  const work = em.fork({ clear: true });
  await fillMissingSentiment(work, communityId);
  const community = await work.findOneOrFail(Community, { id: communityId });
  const settings = rankingSettings(community);
  return work.transactional(async (tx) => {
    await lockRanking(tx, communityId, 'exclusive');
    // Delete first: on SQLite the write lock is then ours before anything is read.
    await tx.nativeDelete(MemberScore, { community: communityId }, tenantOff);
    const total = await tx.count(Activity, { community: communityId }, tenantOff);
    const replay = new Replay(settings);
    let done = 0;
    await scanFacts(tx, communityId, (fact) => {
      replay.add(fact);
      if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done, total);
    });
    options.onProgress?.(done, total); // the end (again, when it fell on a step)
    let rows: [string, ...number[]][] = [];
    for (const [member, t] of replay.totals) {
      rows.push([member, t.love, t.reach, t.sentimentSum, t.sentimentWeight, t.textCount, scoreOf(t, settings)]);
      if (rows.length === INSERT_BATCH) {
        await insertScores(tx, communityId, rows);
        rows = [];
      }
    }
    if (rows.length) await insertScores(tx, communityId, rows);
    return { members: replay.totals.size, activities: done, milliseconds: Math.round(performance.now() - started) };
  });
}

const INSERT_BATCH = 10_000;
const SAFE_ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * Inserts score rows ([member, love, reach, sentiment sum, sentiment weight, texts, score]), ten
 * thousand per statement, unpacked from JSON by the database in member order (appending to the
 * primary key's index is much cheaper than inserting all over it). The JSON is written into the
 * SQL as a literal, not bound: the ORM escapes a bound string character by character, which cost
 * more than the insert. That is safe because it holds only ids read from the database (checked to
 * be plain ids) and finite numbers, so no quote or backslash can occur in it.
 */
async function insertScores(em: Em, communityId: string, rows: [string, ...number[]][]): Promise<void> {
  for (const [member, ...numbers] of rows) {
    if (!SAFE_ID.test(member) || !numbers.every(Number.isFinite)) throw new Error('ranking: unexpected score row');
  }
  if (!SAFE_ID.test(communityId)) throw new Error('ranking: unexpected community id');
  const json = JSON.stringify(rows);
  const columns =
    'member_id, community_id, love, reach, sentiment_sum, sentiment_weight, text_count, score, updated_at';
  if (dialectOfEm(em) === 'postgresql') {
    await em.execute(
      `insert into member_score (${columns})
       select (r->>0)::uuid, '${communityId}'::uuid, (r->>1)::float8, (r->>2)::float8, (r->>3)::float8,
         (r->>4)::float8, (r->>5)::int, (r->>6)::float8, now()
       from jsonb_array_elements('${json}'::jsonb) r order by 1`,
    );
  } else {
    await em.execute(
      `insert into member_score (${columns})
       select r.value->>0, '${communityId}', r.value->>1, r.value->>2, r.value->>3, r.value->>4, r.value->>5,
         r.value->>6, ${Date.now()}
       from json_each('${json}') r order by 1`,
    );
  }
}

/** Threads and replies not read yet in their own language are read now, a thousand at a time. */
async function fillMissingSentiment(em: Em, communityId: string): Promise<void> {
  const language = await communityLanguage(em, communityId);
  const unread = { community: communityId, sentimentLanguage: null };
  for (;;) {
    const threads = await em.find(Thread, unread, { ...tenantOff, limit: BATCH });
    for (const thread of threads) {
      const feeling = readThreadSentiment(thread.title, thread.body, language);
      [thread.sentiment, thread.sentimentLanguage] = [feeling.score, feeling.language];
    }
    const replies = await em.find(Reply, unread, { ...tenantOff, limit: BATCH });
    for (const reply of replies) {
      const feeling = readSentiment(reply.body, language);
      [reply.sentiment, reply.sentimentLanguage] = [feeling.score, feeling.language];
    }
    await em.flush();
    em.clear();
    if (threads.length < BATCH && replies.length < BATCH) return;
  }
}
