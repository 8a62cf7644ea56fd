import { describe, expect, it } from 'vitest';
import { AttributesError, checkAttributes, sameAttributes } from './member-attributes.ts';

const refused = (value: unknown) => {
  try {
    checkAttributes(value);
  } catch (error) {
    expect(error).toBeInstanceOf(AttributesError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('checkAttributes', () => {
  it('takes strings, finite numbers and booleans, keys sorted', () => {
    const checked = checkAttributes({ plan: 'enterprise', mrr: 990.5, beta: true, 'crm.tier': 'A', seats_2: 0 });
    expect(Object.keys(checked)).toEqual(['beta', 'crm.tier', 'mrr', 'plan', 'seats_2']);
    expect(
      sameAttributes(
        checked,
        checkAttributes({ seats_2: 0, 'crm.tier': 'A', beta: true, mrr: 990.5, plan: 'enterprise' }),
      ),
    ).toBe(true);
    expect(sameAttributes(checked, { ...checked, plan: 'pro' })).toBe(false);
    // PostgreSQL's jsonb gives keys back shortest first: the same attributes all the same.
    expect(sameAttributes({ plan: 'pro', company: 'Acme' }, { company: 'Acme', plan: 'pro' })).toBe(true);
    expect(sameAttributes(null, {})).toBe(false);
  });

  it('says what is wrong, and where', () => {
    expect(refused([1])).toMatch(/must be an object/);
    expect(refused('plan=pro')).toMatch(/must be an object/);
    expect(refused(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])))).toMatch(
      /21 keys; at most 20/,
    );
    expect(refused({ '': 1 })).toMatch(/key "" must be/);
    expect(refused({ '1plan': 1 })).toMatch(/key "1plan" must be/);
    expect(refused({ 'a b': 1 })).toMatch(/key "a b" must be/);
    expect(refused({ ['k'.repeat(41)]: 1 })).toMatch(/must be 1–40/);
    expect(refused({ plan: 'x'.repeat(201) })).toMatch(/"plan" is longer than 200/);
    expect(refused({ plan: 'pro\u0000' })).toMatch(/"plan" holds control characters/);
    expect(refused({ mrr: Number.NaN })).toMatch(/"mrr" must be a finite number/);
    expect(refused({ company: { name: 'Acme' } })).toMatch(/"company" must be a string, a number or a boolean/);
    expect(refused({ tags: ['a'] })).toMatch(/"tags" must be/);
    expect(refused({ gone: null })).toMatch(/"gone" must be/);
  });
});
