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
  it('leaves out everyday verbs in any form, and counts forms of one word as one topic', () => {
    const topics = topTopics([
      'Compared to last year the sync feels slow, coming back to it',
      'Syncing came back broken after the update',
      'It syncs only when I reopen; it feels broken',
    ]);
    const words = topics.map((t) => t.word);
    for (const little of ['compared', 'came', 'coming', 'feels']) expect(words).not.toContain(little);
    expect(topics[0]?.count).toBe(3); // sync, syncing, syncs
    expect(['sync', 'syncing', 'syncs']).toContain(topics[0]?.word);
    expect(words).toContain('broken');
  });

  it("uses the community's language list", () => {
    const words = topTopics(['Der Dunkelmodus fehlt noch', 'Dunkelmodus bitte, aber nicht nur'], 5, 'de').map(
      (t) => t.word,
    );
    expect(words[0]).toBe('dunkelmodus');
    for (const little of ['der', 'noch', 'aber', 'nicht', 'nur']) expect(words).not.toContain(little);
  });

  it('is empty without texts', () => {
    expect(topTopics([])).toEqual([]);
  });
});
