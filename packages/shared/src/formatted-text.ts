/**
 * Formatted text as the server sends it and the widget, the console and emails draw it: a small
 * tree of a safe Markdown subset (paragraphs, emphasis, links, lists, code, quotes), never HTML.
 * Drawn as elements and text nodes, so nothing a person wrote is ever parsed as markup.
 */
export type FormattedInline =
  | { t: 'text'; v: string }
  | { t: 'em' | 'strong'; c: FormattedInline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: FormattedInline[] }
  | { t: 'br' };

export type FormattedBlock =
  | { t: 'p'; c: FormattedInline[] }
  | { t: 'ul'; items: FormattedBlock[][] }
  | { t: 'ol'; items: FormattedBlock[][]; start?: number }
  | { t: 'pre'; v: string }
  | { t: 'quote'; c: FormattedBlock[] };

export type FormattedText = FormattedBlock[];

/** The text of formatted text, without its formatting (previews, plain-text emails). */
export function plainText(blocks: FormattedText): string {
  const inline = (nodes: FormattedInline[]): string =>
    nodes
      .map((n) =>
        n.t === 'text' || n.t === 'code'
          ? n.v
          : n.t === 'br'
            ? '\n'
            : n.t === 'link'
              ? `${inline(n.c)} (${n.href})`
              : inline(n.c),
      )
      .join('');
  const block = (b: FormattedBlock, prefix = ''): string => {
    switch (b.t) {
      case 'p':
        return prefix + inline(b.c);
      case 'pre':
        return b.v;
      case 'quote':
        return b.c.map((c) => block(c, '> ')).join('\n');
      case 'ul':
      case 'ol':
        return b.items
          .map((item, i) => {
            const mark = b.t === 'ol' ? `${(b.start ?? 1) + i}. ` : '- ';
            return item.map((c, j) => (j === 0 ? mark : '   ') + block(c)).join('\n');
          })
          .join('\n');
    }
  };
  return blocks.map((b) => block(b)).join('\n\n');
}
