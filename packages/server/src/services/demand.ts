/**
 * Who wants what: ideas ranked by their unique voters, by the sum of a numeric attribute over the
 * voters (monthly revenue, seats…), or by the voters of one segment; each with who its voters are
 * (ambassadors, critics, every saved segment) and its last 30 days of new votes.
 */

import { toCsv } from '../core/csv.ts';
import { badInput } from '../core/errors.ts';
import { ATTRIBUTE_KEY } from '../core/member-attributes.ts';
import type { Scope } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import { dialectOfEm } from '../db/em.ts';
import { Segment, THREAD_STATUSES, Thread, type ThreadStatus } from '../entities/index.ts';
import { DAY_MS } from './ranking/model.ts';
import { findSegment } from './segments/manage.ts';
import { numericAttribute, where } from './segments/members.ts';

export const DEMAND_ORDERS = ['VOTERS', 'WEIGHT', 'SEGMENT_VOTERS'] as const;
export type DemandOrder = (typeof DEMAND_ORDERS)[number];
/** Days of a trend. */
export const TREND_DAYS = 30;

export interface DemandArgs {
  status?: readonly ThreadStatus[] | null;
  /** Count only this segment's voters (and order by them, with SEGMENT_VOTERS). */
  segmentId?: string | null;
  /** A numeric attribute summed over the voters (WEIGHT). */
  weightBy?: string | null;
  orderBy?: DemandOrder | null;
  first?: number | null;
  offset?: number;
}

export interface DemandIdea {
  thread: Thread;
  voters: number;
  /** The sum of `weightBy` over the voters who have it as a number; null without `weightBy`. */
  weight: number | null;
  /** Voters in the segment asked about; null without one. */
  segmentVoters: number | null;
  /** The ideas shown together: their breakdowns and trends are read in one go. */
  page: string[];
}

export interface DemandPage {
  ideas: DemandIdea[];
  hasNextPage: boolean;
  offset: number;
}

export async function demand(scope: Scope, args: DemandArgs): Promise<DemandPage> {
  const postgres = dialectOfEm(scope.em) === 'postgresql';
  const first = valid.pageSize(args.first, 100, 20);
  const offset = args.offset ?? 0;
  const order = args.orderBy ?? 'VOTERS';
  if (args.weightBy != null && !ATTRIBUTE_KEY.test(args.weightBy))
    throw badInput('error.segment.attribute', 'weightBy');
  if (order === 'WEIGHT' && args.weightBy == null) throw badInput('error.demand.weightBy', 'weightBy');
  const segment = args.segmentId != null ? await findSegment(scope, args.segmentId) : null;
  if (args.segmentId != null && !segment) throw badInput('error.segment.notFound', 'segmentId');
  if (order === 'SEGMENT_VOTERS' && !segment) throw badInput('error.segment.notFound', 'segmentId');
  const statuses = (args.status ?? []).filter((s) => THREAD_STATUSES.includes(s));

  const weight = args.weightBy != null ? numericAttribute(postgres, args.weightBy) : null;
  const inSegment = segment ? await where(scope, segment.rules) : null;
  const metric = { VOTERS: 'voters', WEIGHT: 'weight', SEGMENT_VOTERS: 'segment_voters' }[order];
  const rows = await scope.em.execute<
    { id: string; voters: number | string; weight: number | string | null; segment_voters: number | string | null }[]
  >(
    `select t.id, count(m.id) as voters,
       ${weight ? `coalesce(sum(${weight.sql}), 0)` : 'null'} as weight,
       ${inSegment ? `sum(case when ${inSegment.sql} then 1 else 0 end)` : 'null'} as segment_voters
     from thread t
     left join vote v on v.thread_id = t.id
     left join member m on m.id = v.member_id and m.erased_at is null
     where t.community_id = ? and t.kind = 'IDEA' and t.hidden_at is null and t.deleted_at is null
       and t.merged_into_id is null ${statuses.length ? `and t.status in (${statuses.map(() => '?').join(', ')})` : ''}
     group by t.id
     order by ${metric} desc, voters desc, t.id
     limit ? offset ?`,
    [...(weight?.params ?? []), ...(inSegment?.params ?? []), scope.communityId, ...statuses, first + 1, offset],
  );
  const shown = rows.slice(0, first);
  const threads = await Promise.all(shown.map((r) => scope.loaders.byId(Thread).load(r.id)));
  const page = shown.map((r) => r.id);
  return {
    ideas: shown.flatMap((r, i) => {
      const thread = threads[i];
      if (!thread) return [];
      return [
        {
          thread,
          voters: Number(r.voters),
          weight: r.weight == null ? null : Number(r.weight),
          segmentVoters: r.segment_voters == null ? null : Number(r.segment_voters),
          page,
        },
      ];
    }),
    hasNextPage: rows.length > first,
    offset,
  };
}

export interface SegmentVotes {
  /** A saved segment, or null for the ranking's ambassadors and critics (see `standing`). */
  segment: Segment | null;
  standing: 'AMBASSADORS' | 'CRITICS' | null;
  voters: number;
  /** voters ÷ the segment's members (0 when it has none). */
  share: number;
}

/** Per idea of a page: how many of its voters are ambassadors, critics, and in each saved segment. */
export async function votesBySegment(scope: Scope, page: string[]): Promise<Map<string, SegmentVotes[]>> {
  const segments = await scope.em.find(Segment, {}, { orderBy: { name: 'asc', id: 'asc' } });
  const groups: { segment: Segment | null; standing: SegmentVotes['standing']; rules: Segment['rules'] }[] = [
    { segment: null, standing: 'AMBASSADORS', rules: { standing: 'AMBASSADORS' } },
    { segment: null, standing: 'CRITICS', rules: { standing: 'CRITICS' } },
    ...segments.map((segment) => ({ segment, standing: null, rules: segment.rules })),
  ];
  const result = new Map<string, SegmentVotes[]>(page.map((id) => [id, []]));
  if (!page.length) return result;
  const marks = page.map(() => '?').join(', ');
  for (const group of groups) {
    const w = await where(scope, group.rules);
    const [size] = await scope.em.execute<{ n: number | string }[]>(
      `select count(*) as n from member m where ${w.sql}`,
      w.params,
    );
    const counts = await scope.em.execute<{ thread_id: string; n: number | string }[]>(
      `select v.thread_id, count(*) as n from vote v join member m on m.id = v.member_id
       where v.thread_id in (${marks}) and ${w.sql} group by v.thread_id`,
      [...page, ...w.params],
    );
    const byThread = new Map(counts.map((c) => [c.thread_id, Number(c.n)]));
    const members = Number(size?.n ?? 0);
    for (const id of page) {
      const voters = byThread.get(id) ?? 0;
      result
        .get(id)
        ?.push({ segment: group.segment, standing: group.standing, voters, share: members ? voters / members : 0 });
    }
  }
  return result;
}

/** New votes per day for the last TREND_DAYS days (oldest first), per idea of a page. */
export async function trends(scope: Scope, page: string[], now = Date.now()): Promise<Map<string, number[]>> {
  const postgres = dialectOfEm(scope.em) === 'postgresql';
  const start = now - TREND_DAYS * DAY_MS;
  const result = new Map(page.map((id) => [id, Array.from({ length: TREND_DAYS }, () => 0)]));
  if (!page.length) return result;
  const rows = await scope.em.execute<{ thread_id: string; created_at: number | string | Date }[]>(
    `select v.thread_id, v.created_at from vote v where v.thread_id in (${page.map(() => '?').join(', ')}) and v.created_at >= ?`,
    [...page, postgres ? new Date(start) : start],
  );
  for (const row of rows) {
    // SQLite gives milliseconds; PostgreSQL a timestamp, as a Date or its text.
    const raw = row.created_at;
    const at = raw instanceof Date ? raw.getTime() : Number.isNaN(Number(raw)) ? Date.parse(String(raw)) : Number(raw);
    const day = Math.min(TREND_DAYS - 1, Math.floor((at - start) / DAY_MS));
    const days = result.get(row.thread_id);
    if (days && day >= 0) days[day] = (days[day] ?? 0) + 1;
  }
  return result;
}

/** The first 1,000 ideas of `demand` as CSV: a header line, then one per idea. */
export async function demandCsv(scope: Scope, args: DemandArgs): Promise<string> {
  const rows: unknown[][] = [];
  for (let offset = 0; offset < 1000; offset += 100) {
    const page = await demand(scope, { ...args, first: 100, offset });
    for (const idea of page.ideas) {
      const { thread } = idea;
      rows.push([thread.id, thread.title, thread.status, idea.voters, idea.weight ?? '', idea.segmentVoters ?? '']);
    }
    if (!page.hasNextPage) break;
  }
  const weight = args.weightBy ? `sum of ${args.weightBy}` : 'weight';
  return toCsv([['id', 'title', 'status', 'voters', weight, 'segment voters'], ...rows]);
}
