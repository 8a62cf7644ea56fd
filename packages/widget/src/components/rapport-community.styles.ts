import { theme } from '@rapport/shared/ui/theme.ts';
import { css } from 'lit';

/** The frame, header and tabs of `<rapport-community>`. */
export const communityStyles = [
  theme,
  css`
      /* Font and colours are set here, not on :host: the host element is the one part of the
         widget the page's CSS can reach. */
      .frame {
        display: block;
        font: 15px/1.5 var(--_font);
        color: var(--_text);
        background: var(--_bg);
        color: var(--_text);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 1.5);
        min-width: 0;
        max-width: 100%;
        min-height: 12em;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        justify-content: space-between;
        margin-bottom: var(--_space);
      }
      h2 {
        margin: 0;
        font-size: 1.25em;
      }
      .who {
        display: flex;
        gap: 0.6em;
        align-items: center;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em;
        margin-bottom: var(--_space);
        border-bottom: 1px solid var(--_border);
      }
      nav button {
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        background: none;
        color: inherit;
        font: inherit;
        padding: 0.4em 0.7em;
        cursor: pointer;
      }
      nav button[aria-current='page'] {
        border-bottom-color: var(--_accent);
        font-weight: 600;
      }
      nav button:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      .dot {
        display: inline-block;
        width: 0.5em;
        height: 0.5em;
        margin-inline-start: 0.3em;
        border-radius: 50%;
        background: var(--_accent);
        vertical-align: middle;
      }
    `,
];
