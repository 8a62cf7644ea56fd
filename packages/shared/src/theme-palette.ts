/**
 * The widget's colours in each scheme, and whether they can be read: the brand's values where set,
 * a dark-scheme accent derived from the light one where the brand set none, the defaults otherwise.
 * The server refuses themes whose text falls below WCAG AA (4.5:1); the console shows why as it is
 * typed. Colour maths is culori's (a kept library), not hand-written. Not for the widget's bundle.
 */
import { clampChroma, converter, formatHex, parse, wcagContrast } from 'culori';

export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const COLOUR_ROLES = [
  'accent',
  'accent-text',
  'bg',
  'surface',
  'text',
  'muted',
  'border',
  'danger',
  'success',
] as const;
export type ColourRole = (typeof COLOUR_ROLES)[number];

/** The defaults of ui/theme.ts, per scheme (a test keeps the two equal). */
export const DEFAULT_PALETTE: Record<Scheme, Record<ColourRole, string>> = {
  light: {
    accent: '#2457c5',
    'accent-text': '#ffffff',
    bg: '#ffffff',
    surface: '#f4f6f9',
    text: '#1c1e21',
    muted: '#5b6270',
    border: '#d5d9e0',
    danger: '#b42318',
    success: '#1d6b3a',
  },
  dark: {
    accent: '#8fb3ff',
    'accent-text': '#0b1a3a',
    bg: '#16181c',
    surface: '#22262c',
    text: '#eceef1',
    muted: '#a9b0bb',
    border: '#3a404a',
    danger: '#ff8a80',
    success: '#7fd69b',
  },
};

/** The custom property a brand sets for a colour in a scheme: `--rapport-bg`, `--rapport-bg-dark`. */
export const colourProperty = (role: ColourRole, scheme: Scheme) =>
  scheme === 'light' ? `--rapport-${role}` : `--rapport-${role}-dark`;

/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

const toOklch = converter('oklch');
/** A dark background needs a lighter accent: at least this OKLCH lightness, same hue. */
const DARK_ACCENT_LIGHTNESS = 0.72;

/** The brand's light accent, made light enough to read on a dark background. */
export function deriveDarkAccent(light: string): string | undefined {
  const colour = toOklch(parse(light));
  if (!colour) return undefined;
  const lifted = clampChroma({ ...colour, l: Math.max(colour.l, DARK_ACCENT_LIGHTNESS) }, 'oklch');
  return formatHex(lifted);
}

/**
 * Theme values with what the widget derives added: the dark accent (and its text colour) from the
 * light accent, when the brand set a light accent and no dark one.
 */
export function withDerivedColours(values: Record<string, string>): Record<string, string> {
  const light = values[colourProperty('accent', 'light')];
  if (!light || values[colourProperty('accent', 'dark')]) return values;
  const dark = deriveDarkAccent(light);
  return dark ? { ...values, [colourProperty('accent', 'dark')]: dark } : values;
}

/** The colours the widget shows in a scheme with these theme values. */
export function paletteOf(values: Record<string, string>, scheme: Scheme): Record<ColourRole, string> {
  const derived = withDerivedColours(values);
  const palette = { ...DEFAULT_PALETTE[scheme] };
  for (const role of COLOUR_ROLES) {
    const value = derived[colourProperty(role, scheme)]?.trim();
    if (value) palette[role] = value;
  }
  return palette;
}

/** What is read on what, named for what a reader sees: each pair must reach MIN_TEXT_CONTRAST. */
export const READ_ON = {
  textOnBackground: ['text', 'bg'],
  textOnPanels: ['text', 'surface'],
  secondaryText: ['muted', 'bg'],
  textOnButtons: ['accent-text', 'accent'],
  links: ['accent', 'bg'],
  errorMessages: ['danger', 'bg'],
} as const satisfies Record<string, readonly [ColourRole, ColourRole]>;
export type ReadPair = keyof typeof READ_ON;

/** A pair too faint to read. The console and the server say it in the reader's language. */
export interface ContrastProblem {
  scheme: Scheme;
  pair: ReadPair;
  /** The brand's property to change (the text colour if they set it, else the background). */
  property: string;
  /** Rounded down to two decimals: a ratio just under the line never reads as passing. */
  ratio: number;
}

/**
 * Where text in the widget would be hard to read with these theme values, in either scheme. Only
 * pairs the brand changed are judged (the defaults pass). A colour that is not opaque (or not a
 * colour culori knows) cannot be judged against and is left out.
 */
export function contrastProblems(values: Record<string, string>): ContrastProblem[] {
  const derived = withDerivedColours(values);
  const problems: ContrastProblem[] = [];
  for (const scheme of SCHEMES) {
    const palette = paletteOf(values, scheme);
    for (const [pair, [fore, back]] of Object.entries(READ_ON) as [ReadPair, (typeof READ_ON)[ReadPair]][]) {
      const foreProperty = colourProperty(fore, scheme);
      const backProperty = colourProperty(back, scheme);
      const changed = [foreProperty, backProperty].filter((p) => derived[p]);
      if (!changed.length) continue;
      const a = parse(palette[fore]);
      const b = parse(palette[back]);
      if (!a || !b || (a.alpha ?? 1) < 1 || (b.alpha ?? 1) < 1) continue;
      const ratio = wcagContrast(a, b);
      if (ratio >= MIN_TEXT_CONTRAST) continue;
      // The derived dark accent is not the brand's to change: they change the light one it came from.
      const own = changed.find((p) => values[p]) ?? colourProperty('accent', 'light');
      problems.push({ scheme, pair, property: own, ratio: floor2(ratio) });
    }
  }
  return problems;
}

/** Rounded down: a ratio just under the line never reads as passing. */
const floor2 = (n: number) => Math.floor(n * 100) / 100;

/** Whether a theme value for a colour property is a colour at all. */
export const isColour = (value: string): boolean => parse(value) !== undefined;
