import { parse, wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import {
  COLOUR_ROLES,
  colourProperty,
  contrastProblems,
  DEFAULT_PALETTE,
  deriveDarkAccent,
  MIN_TEXT_CONTRAST,
  paletteOf,
  SCHEMES,
  withDerivedColours,
} from './theme-palette.ts';
import { THEME_PROPERTIES } from './theme-values.ts';
import { theme } from './ui/theme.ts';

describe('the theme palette', () => {
  it('has the defaults ui/theme.ts applies, and a property for every colour in both schemes', () => {
    const css = theme.cssText;
    const dark = css.slice(css.indexOf('prefers-color-scheme: dark'));
    for (const role of COLOUR_ROLES) {
      for (const scheme of SCHEMES) {
        const property = colourProperty(role, scheme);
        expect(THEME_PROPERTIES).toContain(property);
        const block = scheme === 'dark' ? dark : css;
        expect(block).toContain(`var(${property}, ${DEFAULT_PALETTE[scheme][role]})`);
      }
    }
  });

  it('passes the defaults, and derives a readable dark accent from a dark brand colour', () => {
    expect(contrastProblems({})).toEqual([]);
    // The walk-through's case: a deep green brand colour, which on the dark background made the
    // Staff badge and Reply button 1.51:1.
    const values = { '--rapport-accent': '#0a6e46' };
    const derived = withDerivedColours(values)['--rapport-accent-dark'] as string;
    expect(derived).toBe(deriveDarkAccent('#0a6e46'));
    const dark = paletteOf(values, 'dark');
    expect(dark.accent).toBe(derived);
    expect(wcagContrast(parse(dark.accent)!, parse(dark.bg)!)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(wcagContrast(parse(dark['accent-text'])!, parse(dark.accent)!)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(paletteOf(values, 'light').accent).toBe('#0a6e46');
    expect(contrastProblems(values)).toEqual([]);
    // A brand's own dark accent wins over the derived one.
    expect(paletteOf({ ...values, '--rapport-accent-dark': '#9ee6c3' }, 'dark').accent).toBe('#9ee6c3');
  });

  it('finds what would be unreadable, in each scheme, and names the property to change', () => {
    const yellow = contrastProblems({ '--rapport-accent': '#ffd400' });
    expect(yellow).toEqual([
      expect.objectContaining({
        scheme: 'light',
        property: '--rapport-accent',
        pair: 'textOnButtons',
      }),
      expect.objectContaining({
        scheme: 'light',
        property: '--rapport-accent',
        pair: 'links',
      }),
    ]);
    expect(yellow[0]?.ratio).toBeLessThan(MIN_TEXT_CONTRAST);
    // Fixed by a text colour for the accent: then only links stay too pale on white.
    expect(contrastProblems({ '--rapport-accent': '#ffd400', '--rapport-accent-text': '#1c1e21' })).toEqual([
      expect.objectContaining({ property: '--rapport-accent', pair: 'links' }),
    ]);
    const whiteDark = contrastProblems({ '--rapport-bg-dark': '#ffffff' });
    expect(whiteDark.map((p) => [p.scheme, p.property])).toContainEqual(['dark', '--rapport-bg-dark']);
    expect(whiteDark[0]).toMatchObject({ scheme: 'dark', pair: 'textOnBackground' });
    expect(whiteDark[0]?.ratio).toBeLessThan(MIN_TEXT_CONTRAST);
  });
});
