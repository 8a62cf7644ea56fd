import type { FormattedBlock, FormattedInline, FormattedText } from '@rapport/shared/formatted-text.ts';
import { linkSegments, USER_LINK_REL } from '@rapport/shared/linkify.ts';
import { html, nothing, type TemplateResult } from 'lit';

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

/**
 * Formatted text as the server sends it (a safe Markdown subset, already a tree): drawn as
 * elements and text nodes only, so nothing in it is ever parsed as HTML. Written by hand rather
 * than with a Markdown library: the tree is parsed on the server, and drawing it is a few lines.
 */
export function formattedText(doc: FormattedText | null | undefined) {
  return doc?.length ? html`<div class="text">${doc.map(block)}</div>` : nothing;
}

function block(b: FormattedBlock): TemplateResult {
  switch (b.t) {
    case 'p':
      return html`<p>${b.c.map(inline)}</p>`;
    case 'pre':
      return html`<pre><code>${b.v}</code></pre>`;
    case 'quote':
      return html`<blockquote>${b.c.map(block)}</blockquote>`;
    case 'ul':
      return html`<ul>${b.items.map((item) => html`<li>${item.map(block)}</li>`)}</ul>`;
    case 'ol':
      return html`<ol start=${b.start ?? 1}>${b.items.map((item) => html`<li>${item.map(block)}</li>`)}</ol>`;
  }
}

function inline(n: FormattedInline): TemplateResult | string {
  switch (n.t) {
    case 'text':
      return n.v;
    case 'em':
      return html`<em>${n.c.map(inline)}</em>`;
    case 'strong':
      return html`<strong>${n.c.map(inline)}</strong>`;
    case 'code':
      return html`<code>${n.v}</code>`;
    case 'br':
      return html`<br />`;
    case 'link':
      return html`<a href=${n.href} rel=${USER_LINK_REL} target="_blank">${n.c.map(inline)}</a>`;
  }
}
