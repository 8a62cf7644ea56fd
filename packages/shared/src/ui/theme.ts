import { css } from 'lit';

/**
 * The theme: documented CSS custom properties a brand sets on `rapport-community` (they inherit
 * into every shadow root). Defaults follow the reader's light or dark preference. Every element sets
 * its own font and colours instead of inheriting the page's, so host CSS cannot restyle it.
 */
export const theme = css`
  :host {
    --_accent: var(--rapport-accent, #2457c5);
    --_accent-text: var(--rapport-accent-text, #ffffff);
    --_bg: var(--rapport-bg, #ffffff);
    --_surface: var(--rapport-surface, #f4f6f9);
    --_text: var(--rapport-text, #1c1e21);
    --_muted: var(--rapport-muted, #5b6270);
    --_border: var(--rapport-border, #d5d9e0);
    --_danger: var(--rapport-danger, #b42318);
    --_success: var(--rapport-success, #1d6b3a);
    --_radius: var(--rapport-radius, 8px);
    --_space: var(--rapport-space, 12px);
    --_font: var(--rapport-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    display: block;
    font: 15px/1.5 var(--_font);
    color: var(--_text);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  /* The dark scheme has colours of its own: a brand's light colours would be unreadable here.
     (The server derives a dark accent from a light one: shared/theme-palette.ts.) */
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--rapport-accent-dark, #8fb3ff);
      --_accent-text: var(--rapport-accent-text-dark, #0b1a3a);
      --_bg: var(--rapport-bg-dark, #16181c);
      --_surface: var(--rapport-surface-dark, #22262c);
      --_text: var(--rapport-text-dark, #eceef1);
      --_muted: var(--rapport-muted-dark, #a9b0bb);
      --_border: var(--rapport-border-dark, #3a404a);
      --_danger: var(--rapport-danger-dark, #ff8a80);
      --_success: var(--rapport-success-dark, #7fd69b);
    }
  }
  /* Set, not inherited: the page's CSS can reach the outermost host and reset what it would pass on. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.45em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
    min-height: 2.5em;
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .btn[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    background: var(--_surface);
    border: 1px solid var(--_border);
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0.25em 0;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .text a {
    color: var(--_accent);
  }
`;
