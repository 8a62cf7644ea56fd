import { describe, expect, it } from 'vitest';
import { linkSegments } from './linkify.ts';

describe('linkSegments', () => {
  it('finds http(s) links in text and leaves the rest as text', () => {
    expect(linkSegments('See https://example.com/a?b=1 for more.')).toEqual([
      { text: 'See ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ' for more.' },
    ]);
  });

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com', '<a href="x">x</a>']) {
      expect(linkSegments(text)).toEqual([{ text }]);
    }
  });

  it('leaves sentence punctuation and closing brackets outside the link', () => {
    expect(linkSegments('(at https://example.com/x).')).toEqual([
      { text: '(at ' },
      { text: 'https://example.com/x', href: 'https://example.com/x' },
      { text: ').' },
    ]);
    expect(linkSegments('https://en.wikipedia.org/wiki/Tent_(camping)')[0]).toEqual({
      text: 'https://en.wikipedia.org/wiki/Tent_(camping)',
      href: 'https://en.wikipedia.org/wiki/Tent_(camping)',
    });
  });

  it('stops at quotes and angle brackets, so markup cannot ride along', () => {
    expect(linkSegments('https://x.example/"><script>')).toEqual([
      { text: 'https://x.example/', href: 'https://x.example/' },
      { text: '"><script>' },
    ]);
  });

  it('keeps every character of the input', () => {
    const input = 'a https://a.example b http://b.example/c, d';
    expect(
      linkSegments(input)
        .map((s) => s.text)
        .join(''),
    ).toBe(input);
  });
});
