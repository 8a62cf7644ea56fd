import { expect, it } from 'vitest';
import { sameText } from './duplicates.ts';

it('treats case, spacing and closing punctuation as the same text', () => {
  expect(sameText('Dark mode, please!')).toBe(sameText('dark  mode,   please'));
  expect(sameText('ＤＡＲＫ mode')).toBe(sameText('dark mode'));
});

it('keeps symbols that change the meaning', () => {
  expect(sameText('Support C++')).not.toBe(sameText('Support C#'));
  expect(sameText('<img src=x>')).not.toBe(sameText('"><img src=x>'));
});
