import type { FormattedBlock, FormattedInline, FormattedText } from '@rapport/shared/formatted-text.ts';

/**
 * Text into HTML, for emails: every character that could start markup is escaped. (Five
 * replacements: a library for it would be one more dependency for the same lines.)
 */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Only web and mail links reach an email's HTML; anything else is dropped. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Formatted text (already parsed, services/markdown.ts) as escaped HTML with the given link colour. */
export function formattedHtml(doc: FormattedText, linkColour: string): string {
  const inline = (n: FormattedInline): string => {
    switch (n.t) {
      case 'text':
        return escapeHtml(n.v);
      case 'em':
        return `<em>${n.c.map(inline).join('')}</em>`;
      case 'strong':
        return `<strong>${n.c.map(inline).join('')}</strong>`;
      case 'code':
        return `<code style="font-family:monospace">${escapeHtml(n.v)}</code>`;
      case 'br':
        return '<br />';
      case 'link': {
        const href = safeHref(n.href);
        const content = n.c.map(inline).join('');
        return href
          ? `<a href="${escapeHtml(href)}" style="color:${linkColour}" rel="noopener noreferrer">${content}</a>`
          : content;
      }
    }
  };
  const block = (b: FormattedBlock): string => {
    switch (b.t) {
      case 'p':
        return `<p style="margin:0 0 12px">${b.c.map(inline).join('')}</p>`;
      case 'pre':
        return `<pre style="white-space:pre-wrap;font-family:monospace;margin:0 0 12px">${escapeHtml(b.v)}</pre>`;
      case 'quote':
        return `<blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #d5d9e0">${b.c.map(block).join('')}</blockquote>`;
      case 'ul':
        return `<ul style="margin:0 0 12px">${b.items.map((i) => `<li>${i.map(block).join('')}</li>`).join('')}</ul>`;
      case 'ol':
        return `<ol start="${b.start ?? 1}" style="margin:0 0 12px">${b.items.map((i) => `<li>${i.map(block).join('')}</li>`).join('')}</ol>`;
    }
  };
  return doc.map(block).join('');
}
