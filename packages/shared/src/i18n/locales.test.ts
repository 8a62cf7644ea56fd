import { expect, it } from 'vitest';
import { directionOf, firstLocale, matchLocale } from './locales.ts';

it('matches what people ask for to a shipped locale, or to none', () => {
  expect(matchLocale('de')).toBe('de');
  expect(matchLocale('de-AT')).toBe('de');
  expect(matchLocale('PT_br')).toBe('pt-BR');
  expect(matchLocale('pt-PT')).toBe('pt-BR');
  expect(matchLocale('zh')).toBe('zh-CN');
  expect(matchLocale('zh-Hans-CN')).toBe('zh-CN');
  expect(matchLocale('zh-TW')).toBeNull();
  expect(matchLocale('zh-Hant')).toBeNull();
  expect(matchLocale('iw')).toBe('he');
  expect(matchLocale('sv')).toBeNull();
  expect(matchLocale('')).toBeNull();
  expect(matchLocale(null)).toBeNull();
  expect(firstLocale(['sv-SE', undefined, 'fr-CA', 'de'])).toBe('fr');
  expect(firstLocale(['sv'])).toBeNull();
  expect(directionOf('ar')).toBe('rtl');
  expect(directionOf('he')).toBe('rtl');
  expect(directionOf('ja')).toBe('ltr');
});
