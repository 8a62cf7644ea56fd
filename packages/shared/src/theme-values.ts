/**
 * The custom properties a brand may set for the widget (the README's theming table), and what a
 * value may be. The server checks themes with it, the admin console edits them, the widget applies
 * them: one definition, so the three never disagree.
 */
export const THEME_PROPERTIES = [
  '--rapport-accent',
  '--rapport-accent-text',
  '--rapport-bg',
  '--rapport-surface',
  '--rapport-text',
  '--rapport-muted',
  '--rapport-border',
  '--rapport-danger',
  '--rapport-success',
  // The same colours in the dark scheme (prefers-color-scheme: dark).
  '--rapport-accent-dark',
  '--rapport-accent-text-dark',
  '--rapport-bg-dark',
  '--rapport-surface-dark',
  '--rapport-text-dark',
  '--rapport-muted-dark',
  '--rapport-border-dark',
  '--rapport-danger-dark',
  '--rapport-success-dark',
  '--rapport-font',
  '--rapport-radius',
  '--rapport-space',
] as const;

export type ThemeProperty = (typeof THEME_PROPERTIES)[number];

export const isThemeProperty = (property: string): property is ThemeProperty =>
  (THEME_PROPERTIES as readonly string[]).includes(property);

/** Colours (the rest are the font, the corner radius and the spacing). */
export const isColourProperty = (property: string): boolean =>
  isThemeProperty(property) && !/font|radius|space/.test(property);

// A value is plain CSS: colours, lengths, font names. Nothing that could end the declaration,
// open a block, fetch a URL or run an expression.
const SAFE_CSS_VALUE = /^[\w\s#%.,()'"/+-]{1,100}$/;

/** Whether a (trimmed, non-empty) value is plain CSS that is safe to put in a declaration. */
export const isPlainCssValue = (value: string): boolean =>
  SAFE_CSS_VALUE.test(value) && !/url\(|expression\(|\/\*|\\/i.test(value) && !FETCHES.test(value);

/** CSS functions that make the browser fetch something: a theme value never may. */
const FETCHES = /(^|[^\w-])(-webkit-)?(image-set|image|cross-fade|src|element|paint|url)\s*\(/i;
