import type { FormattedBlock, FormattedInline, FormattedText } from '@rapport/shared/formatted-text.ts';
import { linkSegments } from '@rapport/shared/linkify.ts';
import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * What people write, read as Markdown (CommonMark, through mdast-util-from-markdown) and kept to a
 * safe subset: paragraphs, emphasis, links, lists, code and quotes. Raw HTML stays text, images
 * become their description, headings bold paragraphs; only http(s) and mailto links are links, and
 * bare web addresses become links too. The result is a tree the clients draw as elements.
 */
export function parseMarkdown(text: string): FormattedText {
  const known = recent.get(text);
  if (known) {
    recent.delete(text);
    recent.set(text, known);
    return known;
  }
  const formatted = frozen(format(text));
  recent.set(text, formatted);
  recentChars += text.length;
  for (const [old] of recent) {
    if (recentChars <= RECENT_CHARS) break;
    recent.delete(old);
    recentChars -= old.length;
  }
  return formatted;
}

/**
 * Texts formatted lately, least recently used first, up to RECENT_CHARS of text: a thread's page and
 * each live event of it format the same replies for every request and subscriber (a fifth of an
 * uncached page's CPU, BENCHMARKS.md). Shared, so frozen.
 */
const recent = new Map<string, FormattedText>();
let recentChars = 0;
const RECENT_CHARS = 1_000_000;

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

function format(text: string): FormattedText {
  if (!text.trim()) return [];
  // Plain text with no Markdown in it (most replies): paragraphs and links, without the parser.
  if (!/[*_`[\]#>\-+!<\\|~]|^\s*\d+[.)]\s/m.test(text)) return plainParagraphs(text);
  return blocks(fromMarkdown(text).children);
}

function plainParagraphs(text: string): FormattedText {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ t: 'p' as const, c: withBreaks(p) }));
}

/** Text with its line breaks, and its bare web addresses as links. */
function withBreaks(text: string): FormattedInline[] {
  const out: FormattedInline[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ t: 'br' });
    for (const part of linkSegments(line)) {
      out.push(
        'href' in part ? { t: 'link', href: part.href, c: [{ t: 'text', v: part.text }] } : { t: 'text', v: part.text },
      );
    }
  });
  return out;
}

function blocks(nodes: RootContent[]): FormattedBlock[] {
  const out: FormattedBlock[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        out.push({ t: 'p', c: inlines(node.children) });
        break;
      case 'heading':
        out.push({ t: 'p', c: [{ t: 'strong', c: inlines(node.children) }] });
        break;
      case 'code':
        out.push({ t: 'pre', v: node.value });
        break;
      case 'html':
        out.push({ t: 'p', c: withBreaks(node.value) });
        break;
      case 'blockquote':
        out.push({ t: 'quote', c: blocks(node.children) });
        break;
      case 'list': {
        const items = node.children.map((item) => blocks(item.children));
        out.push(
          node.ordered
            ? { t: 'ol', items, ...(node.start && node.start !== 1 ? { start: node.start } : {}) }
            : { t: 'ul', items },
        );
        break;
      }
      default:
        // Thematic breaks, definitions and anything else: what text they hold, as a paragraph.
        if ('children' in node) out.push(...blocks((node as Parent).children as RootContent[]));
    }
  }
  return out;
}

function inlines(nodes: PhrasingContent[]): FormattedInline[] {
  return mergeText(inlineParts(nodes));
}

/** Neighbouring text parts as one (smaller to send, same to read). */
function mergeText(parts: FormattedInline[]): FormattedInline[] {
  const out: FormattedInline[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.t === 'text' && last?.t === 'text') out[out.length - 1] = { t: 'text', v: last.v + part.v };
    else out.push(part);
  }
  return out;
}

function inlineParts(nodes: PhrasingContent[]): FormattedInline[] {
  const out: FormattedInline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(...withBreaks(node.value));
        break;
      case 'emphasis':
        out.push({ t: 'em', c: inlines(node.children) });
        break;
      case 'strong':
        out.push({ t: 'strong', c: inlines(node.children) });
        break;
      case 'inlineCode':
        out.push({ t: 'code', v: node.value });
        break;
      case 'break':
        out.push({ t: 'br' });
        break;
      case 'link': {
        const href = safeHref(node.url);
        const content = inlines(node.children);
        out.push(...(href ? [{ t: 'link' as const, href, c: content }] : content));
        break;
      }
      case 'image':
        if (node.alt) out.push({ t: 'text', v: node.alt });
        break;
      case 'html':
        out.push({ t: 'text', v: node.value });
        break;
      default:
        out.push({ t: 'text', v: textOf(node) });
    }
  }
  return out;
}

const textOf = (node: Nodes): string =>
  'value' in node ? String(node.value) : 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';

/** Only web and mail links: never javascript:, data: or a relative address on the brand's page. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
