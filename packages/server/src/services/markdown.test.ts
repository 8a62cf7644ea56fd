/** Formatted text is kept for texts formatted lately (services/markdown.ts), and shared frozen. */
import { expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';

it('formats a text once and hands the same frozen tree to every later caller', () => {
  const text = `Use **bold** and a [link](https://example.com) ${Math.random()}`;
  const first = parseMarkdown(text);
  expect(JSON.stringify(first)).toContain('{"t":"strong","c":[{"t":"text","v":"bold"}]}');
  expect(JSON.stringify(first)).toContain('"href":"https://example.com/"');
  expect(parseMarkdown(text)).toBe(first);
  expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
  expect(() => (first as unknown[]).push('changed')).toThrow(TypeError);
});

it('keeps no more than its bound: a text long forgotten is formatted again, alike', () => {
  const text = 'A *reply* to keep.';
  const first = parseMarkdown(text);
  // More than the bound's worth of other texts (RECENT_CHARS is a million characters).
  for (let i = 0; i < 120; i++) parseMarkdown(`${i} ${'x'.repeat(10_000)}`);
  const again = parseMarkdown(text);
  expect(again).not.toBe(first);
  expect(again).toEqual(first);
});
