import { describe, expect, it } from 'vitest';
import { readSentiment, sentimentOf, threadSentiment } from './sentiment.ts';

describe('sentimentOf', () => {
  it('reads delight as positive and anger as negative, within -1..1', () => {
    expect(sentimentOf('I love this, great work! 😀')).toBeGreaterThan(0.5);
    expect(sentimentOf('Worst update ever. Everything is broken and I hate it.')).toBeLessThan(-0.3);
    for (const text of ['amazing awesome fantastic superb wonderful', 'horrible awful terrible disgusting']) {
      const score = sentimentOf(text);
      expect(score).not.toBeNull();
      expect(Math.abs(score as number)).toBeLessThanOrEqual(1);
    }
  });
  it('understands negation and neutral requests', () => {
    expect(sentimentOf('This is not good at all')).toBeLessThan(0);
    expect(sentimentOf('Please add an export to CSV')).toBeGreaterThanOrEqual(0);
    // Nothing written, nothing measured.
    expect(sentimentOf('   ')).toBeNull();
  });
  it('reads a thread title and text together', () => {
    expect(threadSentiment('Broken checkout', 'It fails every time, so frustrating')).toBeLessThan(0);
  });
});

describe('in the language it is written in', () => {
  it('reads a very negative German post as clearly negative, in any community', () => {
    const angry = 'Das ist absolut schrecklich, ich bin extrem enttäuscht und wütend. Nie wieder!';
    for (const community of ['en', 'de', null]) {
      const read = readSentiment(angry, community);
      expect(read.language).toBe('de');
      expect(read.score).toBeLessThan(-0.5);
    }
  });

  it('reads French delight as positive and Spanish anger as negative', () => {
    const french = readSentiment(
      "J'adore cette nouvelle fonctionnalité, c'est génial et vraiment très pratique !",
      'en',
    );
    expect(french).toMatchObject({ language: 'fr' });
    expect(french.score).toBeGreaterThan(0.5);
    const spanish = readSentiment(
      'Es terrible, estoy muy decepcionado y enojado. El peor servicio que he tenido.',
      'en',
    );
    expect(spanish).toMatchObject({ language: 'es' });
    expect(spanish.score).toBeLessThan(-0.5);
  });

  it('measures Portuguese, Italian and Dutch too', () => {
    const cases: [string, string, 1 | -1][] = [
      ['Adorei a nova versão, está excelente e muito mais rápida. Obrigado!', 'pt', 1],
      ['Não funciona, que decepção. Péssimo suporte.', 'pt', -1],
      ['Questa funzione è fantastica, grazie mille per il lavoro eccellente!', 'it', 1],
      ['Non funziona, sono molto deluso.', 'it', -1],
      ['Dit is echt geweldig, bedankt voor de snelle hulp!', 'nl', 1],
      ['Het werkt niet, ik ben erg teleurgesteld.', 'nl', -1],
    ];
    for (const [text, language, sign] of cases) {
      const read = readSentiment(text, 'en');
      expect(read.language, text).toBe(language);
      expect(Math.sign(read.score ?? 0), text).toBe(sign);
    }
  });

  it('turns what a negation word negates, before it or (German, Dutch) closing the clause after it', () => {
    expect(sentimentOf('Das ist wirklich nicht gut.', 'de')).toBeLessThan(0);
    expect(sentimentOf('Die neue Version gefällt mir nicht.', 'de')).toBeLessThan(0);
    expect(sentimentOf("Je n'aime pas du tout cette mise à jour.", 'fr')).toBeLessThan(0);
    expect(sentimentOf("Ce n'est pas du tout bon.", 'fr')).toBeLessThan(0);
    expect(sentimentOf('No me gusta nada esta versión.', 'es')).toBeLessThan(0);
    expect(sentimentOf('Nada mal, funciona bien.', 'es')).toBeGreaterThan(0);
  });

  it('does not measure a language without a lexicon: null, never neutral', () => {
    const finnish = readSentiment('Tämä on aivan kamalaa, olen todella pettynyt ja vihainen. Ei enää koskaan!', 'en');
    expect(finnish).toEqual({ score: null, language: 'fi' });
    const swahili = readSentiment('Huduma hii ni mbaya sana, nimesikitishwa na nimekasirika. Kamwe tena!', 'en');
    expect(swahili.score).toBeNull();
    expect(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl']).not.toContain(swahili.language);
  });

  it("reads a text too short to tell in the community's language, and leaves it unmeasured without one", () => {
    expect(readSentiment('Danke!', 'de')).toMatchObject({ language: 'de' });
    expect(sentimentOf('Danke!', 'de')).toBeGreaterThan(0);
    expect(sentimentOf('Thanks!', 'en')).toBeGreaterThan(0);
    expect(readSentiment('Danke!', null)).toEqual({ score: null, language: 'und' });
    // A community in a language without a lexicon: its short texts are not measured either.
    expect(sentimentOf('Dzięki!', 'pl')).toBeNull();
  });

  it('never fails on odd input', () => {
    const odd = ['😡😡😡', '12345 67890', '```\nconst x = 1;\n```', '\u0000\u0007 ', 'a'.repeat(50_000), '#fail #bad'];
    for (const text of odd) {
      const read = readSentiment(text, 'en');
      expect(read.score === null || Math.abs(read.score) <= 1).toBe(true);
    }
    expect(sentimentOf('😡😡😡', 'de')).toBeLessThan(0);
  });
});
