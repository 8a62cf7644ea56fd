import { LOCALES } from '@rapport/shared/i18n/locales.ts';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import * as valid from './validation.ts';

const rule = { field: 'title', label: 'Title', min: 3, max: 5 };

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('text', () => {
  it('trims and keeps the text as written', () => {
    expect(valid.text('  <b>hi</b>  ', { ...rule, max: 20 })).toBe('<b>hi</b>');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(valid.text('😀😀😀😀😀', rule)).toBe('😀😀😀😀😀');
    expect(failure(() => valid.text('😀😀😀😀😀😀', rule)).message).toContain('at most 5');
  });
  it('names the field and the limit', () => {
    const error = failure(() => valid.text('ab', rule));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'title' } });
    expect(error.message).toBe('Title must be at least 3 characters.');
    expect(failure(() => valid.text(' ', { ...rule, min: 1 })).message).toBe('Title cannot be empty.');
  });
  it('refuses control characters but allows tabs and newlines in text', () => {
    expect(failure(() => valid.text('a\u0000bc', rule)).message).toContain('not allowed');
    expect(valid.text('a\tb\nc', { ...rule, max: 10 })).toBe('a\tb\nc');
    expect(failure(() => valid.line('a\nbc', rule)).message).toContain('single line');
  });
  it('names every field of every limit in each shipped language', () => {
    for (const limit of Object.values(valid.LIMITS)) {
      const error = failure(() => valid.text('x'.repeat(limit.max + 1), limit));
      expect(error.message).toContain(limit.label);
      for (const locale of LOCALES) expect(error.in(locale), `${limit.label} in ${locale}`).toMatch(/\S/);
      expect(error.in('de')).not.toBe(error.message);
    }
  });
});

describe('formats', () => {
  it('checks slugs', () => {
    expect(valid.slug('acme-2')).toBe('acme-2');
    for (const bad of ['', '-acme', 'acme-', 'Acme', 'a b', 'a'.repeat(65)]) {
      expect(() => valid.slug(bad)).toThrow(AppError);
    }
  });
  it('normalises emails', () => {
    expect(valid.email(' Ann@Example.COM ')).toBe('ann@example.com');
    expect(() => valid.email('ann@')).toThrow(AppError);
  });
  it('accepts only bare origins', () => {
    expect(valid.origin('https://www.acme.example')).toBe('https://www.acme.example');
    expect(valid.origin('http://localhost:8080/')).toBe('http://localhost:8080');
    for (const bad of ['https://acme.example/path', 'ftp://acme.example', 'acme.example', 'javascript:alert(1)']) {
      expect(() => valid.origin(bad)).toThrow(AppError);
    }
  });
  it('bounds page sizes', () => {
    expect(valid.pageSize(undefined)).toBe(20);
    expect(valid.pageSize(50)).toBe(50);
    for (const bad of [0, -1, 51, 1.5]) expect(() => valid.pageSize(bad)).toThrow(AppError);
  });
});
