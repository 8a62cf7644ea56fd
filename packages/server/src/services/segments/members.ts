/**
 * Who is in a segment, in SQL: each rule a condition on the member's row, their ranking row, their
 * activity, votes and consent ledger, so that counting 50,000 members reads no entity. Attribute
 * keys and values are bound as parameters, never written into the statement.
 */

import { entryOf } from '../../core/map-entry.ts';
import type { RowScope, Scope } from '../../core/scope.ts';
import { dialectOfEm } from '../../db/em.ts';
import { Member, type SegmentRules } from '../../entities/index.ts';
import { communityLocale } from '../communities.ts';
import { CONSENT_DEFAULTS } from '../consent.ts';
import { DAY_MS, PARTICIPATION_TYPES } from '../ranking/model.ts';
import { cutOff, scoreAtPercentile, type Thresholds, thresholds } from '../ranking/standing.ts';

/** What counts as taking part (signing in, or being voted for, does not): the ranking's active days. */
const TAKING_PART = PARTICIPATION_TYPES;

export interface Condition {
  sql: string;
  params: unknown[];
}

/** The value of attribute `key` of member `m` as a number, or null (SQL, with its parameters). */
export function numericAttribute(postgres: boolean, key: string): Condition {
  return postgres
    ? {
        sql: "case when jsonb_typeof(m.attributes -> (?::text)) = 'number' then (m.attributes ->> (?::text))::numeric end",
        params: [key, key],
      }
    : {
        sql: "case when json_type(m.attributes, ?) in ('integer', 'real') then json_extract(m.attributes, ?) end",
        params: [`$."${key}"`, `$."${key}"`],
      };
}

/** Takes in nobody: a cut-off nobody reaches (no one scores yet) is infinite, which SQL cannot hold. */
const NOBODY: Condition = { sql: '1 = 0', params: [] };

/** The ranking's cut-offs, worked out once per scope (a request): every group of a page uses them. */
const cutOffs = new WeakMap<RowScope, Promise<Thresholds>>();
const thresholdsOf = (scope: RowScope) => entryOf(cutOffs, scope, () => thresholds(scope));

/** The conditions of `rules` on the member row `m`, for this database. */
async function conditionsOf(scope: RowScope, rules: SegmentRules): Promise<Condition[]> {
  const postgres = dialectOfEm(scope.em) === 'postgresql';
  // SQLite keeps times as milliseconds and booleans as 0/1.
  const time = (at: Date) => (postgres ? at : at.getTime());
  const bool = (value: boolean) => (postgres ? value : value ? 1 : 0);
  const conditions: Condition[] = [{ sql: 'm.community_id = ? and m.erased_at is null', params: [scope.communityId] }];

  for (const rule of rules.attributes ?? []) {
    // The value as JSON text ("pro", 990, true), and as a number where it is one.
    const path = postgres ? rule.key : `$."${rule.key}"`;
    // Compared as JSON (PostgreSQL's jsonb prints some numbers unlike JavaScript's JSON).
    const json = postgres ? 'm.attributes -> (?::text)' : 'm.attributes -> ?';
    const value = postgres ? '?::jsonb' : '?';
    const number = numericAttribute(postgres, rule.key);
    if (rule.equals !== undefined) {
      conditions.push({ sql: `${json} = ${value}`, params: [path, JSON.stringify(rule.equals)] });
    }
    if (rule.in) {
      conditions.push({
        sql: `${json} in (${rule.in.map(() => value).join(', ')})`,
        params: [path, ...rule.in.map((v) => JSON.stringify(v))],
      });
    }
    if (rule.min !== undefined) conditions.push({ sql: `${number.sql} >= ?`, params: [...number.params, rule.min] });
    if (rule.max !== undefined) conditions.push({ sql: `${number.sql} <= ?`, params: [...number.params, rule.max] });
  }

  if (rules.standing) {
    const t = await thresholdsOf(scope);
    conditions.push({ sql: 'm.suspended_at is null', params: [] });
    if (rules.standing === 'AMBASSADORS') conditions.push({ sql: 'm.ambassador_flagged_at is not null', params: [] });
    if (rules.standing === 'SUGGESTED' && !Number.isFinite(t.score)) conditions.push(NOBODY);
    else if (rules.standing === 'SUGGESTED') {
      const since = new Date(t.now - t.settings.ambassadors.recentDays * DAY_MS);
      conditions.push({
        sql: `m.ambassador_flagged_at is null
          and exists (select 1 from member_score s where s.member_id = m.id and s.score > 0 and s.score >= ? and s.sentiment_sum >= 0)
          and (select count(*) from activity a where a.actor_member_id = m.id and a.created_at >= ?) >= ?`,
        params: [cutOff(t.score), time(since), t.settings.ambassadors.minRecentActivities],
      });
    }
    if (rules.standing === 'CRITICS' && !Number.isFinite(t.reach)) conditions.push(NOBODY);
    else if (rules.standing === 'CRITICS') {
      conditions.push({
        sql: `exists (select 1 from member_score s where s.member_id = m.id and s.reach > 0 and s.reach >= ?
          and s.text_count >= ? and s.text_count > 0 and s.sentiment_weight > 0 and s.sentiment_sum - ? * s.sentiment_weight <= 0)`,
        params: [cutOff(t.reach), t.settings.critics.minTexts, t.settings.critics.maxSentiment],
      });
    }
  }
  if (rules.minScorePercentile !== undefined) {
    const score = await scoreAtPercentile(scope, rules.minScorePercentile);
    conditions.push(
      Number.isFinite(score)
        ? {
            sql: 'exists (select 1 from member_score s where s.member_id = m.id and s.score > 0 and s.score >= ?)',
            params: [score],
          }
        : NOBODY,
    );
  }
  if (rules.activeWithinDays !== undefined) {
    conditions.push({
      sql: `exists (select 1 from activity a where a.actor_member_id = m.id and a.created_at >= ?
        and a.type in (${TAKING_PART.map(() => '?').join(', ')}))`,
      params: [time(new Date(Date.now() - rules.activeWithinDays * DAY_MS)), ...TAKING_PART],
    });
  }
  if (rules.thread) {
    const { id, how } = rules.thread;
    const posted = `(exists (select 1 from thread t where t.id = ? and t.author_member_id = m.id and t.deleted_at is null)
      or exists (select 1 from reply r where r.thread_id = ? and r.author_member_id = m.id and r.deleted_at is null))`;
    const voted = 'exists (select 1 from vote v where v.thread_id = ? and v.member_id = m.id)';
    if (how === 'POSTED') conditions.push({ sql: posted, params: [id, id] });
    else if (how === 'VOTED') conditions.push({ sql: voted, params: [id] });
    else conditions.push({ sql: `(${posted} or ${voted})`, params: [id, id, id] });
  }
  if (rules.consent) {
    const { purpose, granted } = rules.consent;
    conditions.push({
      sql: `coalesce((select c.granted from consent_record c where c.member_id = m.id and c.purpose = ?
        order by c.created_at desc, c.id desc limit 1), ?) = ?`,
      params: [purpose, bool(CONSENT_DEFAULTS[purpose]), bool(granted)],
    });
  }
  if (rules.locales?.length) {
    // A member who chose no language reads the community's.
    conditions.push({
      sql: `coalesce(m.locale, ?) in (${rules.locales.map(() => '?').join(', ')})`,
      params: [await communityLocale(scope.em, scope.communityId), ...rules.locales],
    });
  }
  return conditions;
}

/** The rules as one SQL condition on the member row `m` (for queries that join members). */
export async function where(scope: RowScope, rules: SegmentRules): Promise<Condition> {
  const conditions = await conditionsOf(scope, rules);
  return { sql: conditions.map((c) => `(${c.sql})`).join(' and '), params: conditions.flatMap((c) => c.params) };
}

export async function countSegment(scope: Scope, rules: SegmentRules): Promise<number> {
  const w = await where(scope, rules);
  const [row] = await scope.em.execute<{ n: number | string }[]>(
    `select count(*) as n from member m where ${w.sql}`,
    w.params,
  );
  return Number(row?.n ?? 0);
}

/** The segment's members most recently seen first, `limit` of them (a preview). */
export async function segmentMembers(scope: Scope, rules: SegmentRules, limit: number): Promise<Member[]> {
  const w = await where(scope, rules);
  const rows = await scope.em.execute<{ id: string }[]>(
    `select m.id from member m where ${w.sql} order by m.last_seen_at desc, m.id desc limit ?`,
    [...w.params, limit],
  );
  const members = await Promise.all(rows.map((r) => scope.loaders.byId(Member).load(r.id)));
  return members.filter((m): m is Member => m != null);
}
