import { linkSegments, USER_LINK_REL } from '@rapport/shared/linkify.ts';
import { html } from 'lit';

/**
 * What someone wrote, as text: line breaks kept, web links clickable (opening in a new tab, with
 * rel="nofollow ugc noopener noreferrer"), and nothing else interpreted. Lit puts every part in
 * the page as a text node, so no markup in it can run.
 */
export function richText(text: string) {
  return html`<p class="text">${linkSegments(text).map((part) =>
    'href' in part ? html`<a href=${part.href} rel=${USER_LINK_REL} target="_blank">${part.text}</a>` : part.text,
  )}</p>`;
}
