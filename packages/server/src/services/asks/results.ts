/**
 * An ask's results: how many chose each choice, overall, in each segment asked about and for each
 * value of one attribute (plan, country…); the written answers; the whole as CSV. Answers of
 * erased members are not counted (erasure removes them).
 */

import { toCsv } from '../../core/csv.ts';
import { badInput } from '../../core/errors.ts';
import { ATTRIBUTE_KEY } from '../../core/member-attributes.ts';
import type { Scope } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { dialectOfEm } from '../../db/em.ts';
import { type Ask, AskAnswer, type Member, Segment } from '../../entities/index.ts';
import { type Condition, where } from '../segments/members.ts';
import { targetCount } from './publish.ts';

/** Segments one breakdown may compare, and values of an attribute it shows (the most frequent). */
export const MAX_BREAKDOWN_SEGMENTS = 10;
export const MAX_ATTRIBUTE_VALUES = 20;

export interface AskTally {
  /** A segment's name, an attribute's value; null: everyone (or members without the attribute). */
  label: string | null;
  answered: number;
  /** How many chose each choice, in the ask's order. */
  counts: number[];
}

export interface AskResults {
  ask: Ask;
  /** Members the ask is for, now. */
  asked: number;
  overall: AskTally;
  bySegment: AskTally[];
  byAttribute: AskTally[];
}

const parsed = (choices: unknown): number[] =>
  (typeof choices === 'string' ? JSON.parse(choices) : choices) as number[];

function tally(ask: Ask, label: string | null, rows: { choices: unknown }[]): AskTally {
  const counts = ask.choices.map(() => 0);
  for (const row of rows) for (const i of parsed(row.choices)) if (i < counts.length) counts[i] = (counts[i] ?? 0) + 1;
  return { label, answered: rows.length, counts };
}

/** The answers of members still here, with `extra` columns and a condition on the member `m`. */
function answers<T>(scope: Scope, ask: Ask, extra = '', condition?: Condition): Promise<T[]> {
  return scope.em.execute<T[]>(
    `select a.choices${extra} from ask_answer a join member m on m.id = a.member_id and m.erased_at is null
     where a.ask_id = ? and a.community_id = ? ${condition ? `and ${condition.sql}` : ''}`,
    [ask.id, scope.communityId, ...(condition?.params ?? [])],
  );
}

export async function askResults(
  scope: Scope,
  ask: Ask,
  by: { segmentIds?: readonly string[] | null; attribute?: string | null },
): Promise<AskResults> {
  const segmentIds = [...new Set(by.segmentIds ?? [])];
  if (segmentIds.length > MAX_BREAKDOWN_SEGMENTS || segmentIds.some((id) => !valid.isUuid(id))) {
    throw badInput('error.segment.notFound', 'segmentIds');
  }
  if (by.attribute != null && !ATTRIBUTE_KEY.test(by.attribute)) throw badInput('error.segment.attribute', 'attribute');
  const segments = segmentIds.length ? await scope.em.find(Segment, { id: { $in: segmentIds } }) : [];
  if (segments.length !== segmentIds.length) throw badInput('error.segment.notFound', 'segmentIds');

  const overall = tally(ask, null, await answers(scope, ask));
  const bySegment: AskTally[] = [];
  for (const segment of segments.sort((a, b) => a.name.localeCompare(b.name))) {
    bySegment.push(tally(ask, segment.name, await answers(scope, ask, '', await where(scope, segment.rules))));
  }
  let byAttribute: AskTally[] = [];
  if (by.attribute != null) {
    const postgres = dialectOfEm(scope.em) === 'postgresql';
    const value = postgres
      ? { sql: ', m.attributes ->> (?::text) as v', key: by.attribute }
      : { sql: ', json_extract(m.attributes, ?) as v', key: `$."${by.attribute}"` };
    // The key is bound: the statement's text never holds it.
    const rows = await scope.em.execute<{ choices: unknown; v: unknown }[]>(
      `select a.choices${value.sql} from ask_answer a join member m on m.id = a.member_id and m.erased_at is null
       where a.ask_id = ? and a.community_id = ?`,
      [value.key, ask.id, scope.communityId],
    );
    const groups = new Map<string | null, { choices: unknown }[]>();
    for (const row of rows) {
      const key = row.v == null ? null : String(row.v);
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    byAttribute = [...groups]
      .map(([label, group]) => tally(ask, label, group))
      .sort((a, b) => b.answered - a.answered || String(a.label).localeCompare(String(b.label)))
      .slice(0, MAX_ATTRIBUTE_VALUES);
  }
  const asked = await targetCount(scope, ask);
  return { ask, asked, overall, bySegment, byAttribute };
}

/** Answers, the latest first, `first` of them from `offset`. */
export async function askAnswers(scope: Scope, ask: Ask, first: number, offset = 0): Promise<AskAnswer[]> {
  return scope.em.find(
    AskAnswer,
    { ask: ask.id, member: { erasedAt: null } },
    { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: first, offset, populate: ['member'] },
  );
}

/** Every answer as CSV: who (name, the brand's id for them, their attributes), when, what. */
export async function askCsv(scope: Scope, ask: Ask): Promise<string> {
  const rows = await scope.em.find(
    AskAnswer,
    { ask: ask.id, member: { erasedAt: null } },
    { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['member'], limit: 100_000 },
  );
  const members = rows.map((r) => r.member as Member);
  const keys = [...new Set(members.flatMap((m) => Object.keys(m.attributes ?? {})))].sort();
  return toCsv([
    ['member', 'external id', 'answered at', 'choices', 'text', ...keys],
    ...rows.map((row, i) => {
      const member = members[i] as Member;
      return [
        member.displayName,
        member.externalId ?? '',
        row.updatedAt.toISOString(),
        row.choices.map((c) => ask.choices[c] ?? '').join('; '),
        row.text ?? '',
        ...keys.map((k) => member.attributes?.[k] ?? ''),
      ];
    }),
  ]);
}
