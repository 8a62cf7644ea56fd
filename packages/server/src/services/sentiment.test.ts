import { describe, expect, it } from 'vitest';
import { sentimentOf, threadSentiment } from './sentiment.ts';

describe('sentimentOf', () => {
  it('reads delight as positive and anger as negative, within -1..1', () => {
    expect(sentimentOf('I love this, great work! 😀')).toBeGreaterThan(0.5);
    expect(sentimentOf('Worst update ever. Everything is broken and I hate it.')).toBeLessThan(-0.3);
    for (const text of ['amazing awesome fantastic superb wonderful', 'horrible awful terrible disgusting']) {
      expect(Math.abs(sentimentOf(text))).toBeLessThanOrEqual(1);
    }
  });
  it('understands negation and neutral requests', () => {
    expect(sentimentOf('This is not good at all')).toBeLessThan(0);
    expect(sentimentOf('Please add an export to CSV')).toBeGreaterThanOrEqual(0);
    expect(sentimentOf('   ')).toBe(0);
  });
  it('reads a thread title and text together', () => {
    expect(threadSentiment('Broken checkout', 'It fails every time, so frustrating')).toBeLessThan(0);
  });
});
