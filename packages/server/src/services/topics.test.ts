import { describe, expect, it } from 'vitest';
import { topTopics } from './topics.ts';

describe('topTopics', () => {
  it('finds the most talked-about significant words, each counted once per text', () => {
    const topics = topTopics([
      'Please add dark mode to the app',
      'Dark mode would be great at night',
      'The checkout is slow, checkout fails',
      'Dark theme for the checkout page?',
    ]);
    expect(topics[0]).toEqual({ word: 'dark', count: 3 });
    expect(topics[1]).toEqual({ word: 'checkout', count: 2 });
    expect(topics.map((t) => t.word)).not.toContain('the');
    expect(topics.map((t) => t.word)).not.toContain('please');
  });
  it('is empty without texts', () => {
    expect(topTopics([])).toEqual([]);
  });
});
