import { isPlainCssValue, isThemeProperty } from '@rapport/shared/theme-values.ts';

/** When an anonymous visitor last looked at What's new (members' is kept by the server). */
const seenKey = (community: string) => `rapport:whats-new-seen:${community}`;

export function newsSeenAt(community: string): string {
  try {
    return localStorage.getItem(seenKey(community)) ?? '';
  } catch {
    return '';
  }
}

export function markNewsSeen(community: string): void {
  try {
    localStorage.setItem(seenKey(community), new Date().toISOString());
  } catch {}
}

/**
 * The brand's theme from the admin console, as the defaults of the custom properties: set on
 * :host from inside, so CSS the page sets on the element (and the console's preview) still wins.
 * Returns the sheet, to be given again on the next change.
 */
export function applyBrandTheme(
  root: ShadowRoot | null,
  values: { property: string; value: string }[],
  sheet = new CSSStyleSheet(),
): CSSStyleSheet {
  const declarations = values
    .filter((v) => isThemeProperty(v.property) && isPlainCssValue(v.value.trim()))
    .map((v) => `${v.property}: ${v.value.trim()};`)
    .join(' ');
  sheet.replaceSync(declarations ? `:host { ${declarations} }` : '');
  if (root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return sheet;
}
