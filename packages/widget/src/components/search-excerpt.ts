import { msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import type { SearchHit } from '../graphql/documents.ts';

/**
 * Where a search found its words in a listed thread: the text around them, the words marked. The
 * parts are text, never markup: the marks are the template's own.
 */
export function searchExcerpt(hit: Partial<Pick<SearchHit, 'excerpt' | 'matchedIn'>>) {
  if (!hit.excerpt?.length) return nothing;
  return html`<p class="excerpt muted" part="excerpt">${hit.matchedIn === 'REPLY' ? html`<span class="badge">${msg('In a reply')}</span> ` : nothing}${hit.excerpt.map(
    (part) => (part.match ? html`<mark>${part.text}</mark>` : part.text),
  )}</p>`;
}

export const searchExcerptStyles = css`
  .excerpt {
    margin: 0.3em 0 0;
    overflow-wrap: anywhere;
  }
  .excerpt mark {
    /* The theme's accent, faint, so that it reads on light and dark pages alike. */
    background: color-mix(in srgb, var(--_accent) 22%, transparent);
    color: var(--_text);
    font-weight: 600;
    border-radius: 2px;
  }
`;
