/**
 * A segment's rules as a manager (or the brand's server) gives them, checked and made canonical
 * before they are saved or counted: a bad rule is refused with the field at fault.
 */
import { isLocale } from '@rapport/shared/i18n/locales.ts';
import { badInput } from '../../core/errors.ts';
import { ATTRIBUTE_KEY, ATTRIBUTE_LIMITS } from '../../core/member-attributes.ts';
import type { Scope } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import {
  type AttributeRule,
  type AttributeValue,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  PARTICIPATIONS,
  type Participation,
  SEGMENT_STANDINGS,
  type SegmentRules,
  type SegmentStanding,
  Thread,
} from '../../entities/index.ts';

export interface SegmentRulesInput {
  attributes?:
    | readonly {
        key: string;
        equals?: unknown;
        in?: readonly unknown[] | null;
        min?: number | null;
        max?: number | null;
      }[]
    | null;
  standing?: string | null;
  minScorePercentile?: number | null;
  activeWithinDays?: number | null;
  thread?: { id: string; how?: string | null } | null;
  consent?: { purpose: string; granted: boolean } | null;
  locales?: readonly string[] | null;
}

const MAX_ATTRIBUTE_RULES = 10;
const MAX_VALUES = 50;

function attributeValue(value: unknown, field: string): AttributeValue {
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  if (typeof value === 'string' && value.length <= ATTRIBUTE_LIMITS.stringLength) return value;
  throw badInput('error.segment.attribute', field);
}

function attributeRule(input: NonNullable<SegmentRulesInput['attributes']>[number], i: number): AttributeRule {
  const field = `rules.attributes.${i}`;
  if (!ATTRIBUTE_KEY.test(input.key) || input.key.length > ATTRIBUTE_LIMITS.keyLength) {
    throw badInput('error.segment.attribute', `${field}.key`);
  }
  const hasRange = input.min != null || input.max != null;
  const tests = [input.equals != null, input.in != null, hasRange].filter(Boolean).length;
  if (tests !== 1) throw badInput('error.segment.attribute', field);
  if (input.equals != null) return { key: input.key, equals: attributeValue(input.equals, `${field}.equals`) };
  if (input.in != null) {
    if (!input.in.length || input.in.length > MAX_VALUES) throw badInput('error.segment.attribute', `${field}.in`);
    return { key: input.key, in: [...new Set(input.in.map((v) => attributeValue(v, `${field}.in`)))] };
  }
  const { min, max } = input;
  if (
    (min != null && !Number.isFinite(min)) ||
    (max != null && !Number.isFinite(max)) ||
    (min != null && max != null && min > max)
  ) {
    throw badInput('error.segment.range', field);
  }
  return { key: input.key, ...(min != null ? { min } : {}), ...(max != null ? { max } : {}) };
}

/** The rules checked: unknown threads, languages and values refused; empty parts left out. */
export async function checkRules(scope: Scope, input: SegmentRulesInput): Promise<SegmentRules> {
  const rules: SegmentRules = {};
  if (input.attributes?.length) {
    if (input.attributes.length > MAX_ATTRIBUTE_RULES) throw badInput('error.segment.attribute', 'rules.attributes');
    rules.attributes = input.attributes.map(attributeRule);
  }
  if (input.standing != null) {
    if (!SEGMENT_STANDINGS.includes(input.standing as SegmentStanding))
      throw badInput('error.segment.standing', 'rules.standing');
    rules.standing = input.standing as SegmentStanding;
  }
  if (input.minScorePercentile != null) {
    const p = input.minScorePercentile;
    if (!Number.isFinite(p) || p < 0 || p >= 100)
      throw badInput('error.segment.percentile', 'rules.minScorePercentile');
    rules.minScorePercentile = p;
  }
  if (input.activeWithinDays != null) {
    const days = input.activeWithinDays;
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      throw badInput('error.segment.days', 'rules.activeWithinDays');
    rules.activeWithinDays = days;
  }
  if (input.thread != null) {
    const how = (input.thread.how ?? 'EITHER') as Participation;
    const thread = valid.isUuid(input.thread.id)
      ? await scope.em.findOne(Thread, { id: input.thread.id }, { fields: ['id'] })
      : null;
    if (!thread || !PARTICIPATIONS.includes(how)) throw badInput('error.segment.thread', 'rules.thread');
    rules.thread = { id: thread.id, how };
  }
  if (input.consent != null) {
    if (!CONSENT_PURPOSES.includes(input.consent.purpose as ConsentPurpose))
      throw badInput('error.segment.consent', 'rules.consent');
    rules.consent = { purpose: input.consent.purpose as ConsentPurpose, granted: input.consent.granted };
  }
  if (input.locales?.length) {
    const unknown = input.locales.find((l) => !isLocale(l));
    if (unknown !== undefined || input.locales.length > 30)
      throw badInput(['error.segment.locale', { locale: String(unknown) }], 'rules.locales');
    rules.locales = [...new Set(input.locales)];
  }
  return rules;
}
