/**
 * Splits text into plain parts and web links, so that widget, admin and email can show links as
 * links while everything else stays text. Only http(s) URLs become links (never `javascript:` or
 * `data:`), and trailing punctuation belongs to the sentence, not to the link.
 */
export type Segment = { text: string } | { text: string; href: string };

const URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'")\]}>]+$/;

export function linkSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL)) {
    let link = match[0];
    const trailing = TRAILING.exec(link)?.[0] ?? '';
    // Keep a closing parenthesis that closes one opened inside the link (Wikipedia-style URLs).
    const keep = trailing.startsWith(')') && link.split('(').length > link.split(')').length - 1 ? 1 : 0;
    link = link.slice(0, link.length - trailing.length + keep);
    let href: string;
    try {
      href = new globalThis.URL(link).href;
    } catch {
      continue;
    }
    const start = match.index ?? 0;
    if (start > last) segments.push({ text: text.slice(last, start) });
    segments.push({ text: link, href });
    last = start + link.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** Links to content people wrote: no ranking credit, no access to this page, no referrer. */
export const USER_LINK_REL = 'nofollow ugc noopener noreferrer';
