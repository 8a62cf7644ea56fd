import { plainText } from '@rapport/shared/formatted-text.ts';
import { parseMarkdown } from '../../markdown.ts';
import type { PersonInEmail } from '../../notifications/on-activity.ts';
import { escapeHtml, formattedHtml, safeHref } from './html.ts';

/** What an email is drawn with: the brand, its colours, and where its links lead. */
export interface EmailContext {
  brand: string;
  colours: { accent: string; accentText: string };
  /** A thread on the brand's own page (the widget opens it); null when the brand set no page. */
  threadUrl(threadId: string): string | null;
  /** A "What's new" entry on the brand's page; null when the brand set no page. */
  entryUrl(entryId: string): string | null;
}

/** One part of an email (a digest has several): its MJML and its plain text. */
export interface Section {
  mjml: string;
  text: string;
}

type Data = Record<string, unknown>;

const STATUS_WORDS: Record<string, string> = {
  OPEN: 'open',
  UNDER_REVIEW: 'under review',
  PLANNED: 'planned',
  IN_PROGRESS: 'in progress',
  SHIPPED: 'shipped',
  DECLINED: 'declined',
};

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Who said it: name, title and badge ("Staff", "Agency for <brand>"), with their picture. */
function byline(person: PersonInEmail | null, ctx: EmailContext): Section {
  if (!person) return { mjml: '', text: '' };
  const badge =
    person.badge === 'AGENCY'
      ? `Agency for ${ctx.brand}${person.agencyName ? ` (${person.agencyName})` : ''}`
      : person.badge === 'STAFF'
        ? `${ctx.brand} team`
        : '';
  const avatar = person.avatarUrl ? safeHref(person.avatarUrl) : null;
  const details = [person.title, badge].filter(Boolean).join(' · ');
  const picture = avatar
    ? `<mj-image src="${escapeHtml(avatar)}" alt="" width="40px" height="40px" border-radius="20px" align="left" padding="0 0 8px" />`
    : '';
  const mjml = `${picture}<mj-text padding="0 0 12px" font-size="14px"><strong>${escapeHtml(person.name)}</strong>${
    details
      ? ` <span style="display:inline-block;padding:1px 6px;border-radius:4px;background:${ctx.colours.accent};color:${ctx.colours.accentText};font-size:12px">${escapeHtml(details)}</span>`
      : ''
  }</mj-text>`;
  return { mjml, text: `${person.name}${details ? ` (${details})` : ''}` };
}

function button(href: string | null, label: string, ctx: EmailContext): Section {
  if (!href) return { mjml: '', text: '' };
  return {
    mjml: `<mj-button href="${escapeHtml(href)}" background-color="${ctx.colours.accent}" color="${ctx.colours.accentText}" align="left" padding="4px 0 16px">${escapeHtml(label)}</mj-button>`,
    text: `${label}: ${href}`,
  };
}

const heading = (text: string) =>
  `<mj-text padding="0 0 8px" font-size="18px" font-weight="bold">${escapeHtml(text)}</mj-text>`;
const body = (markdown: string, ctx: EmailContext) =>
  `<mj-text padding="0 0 8px" font-size="15px" line-height="1.5">${formattedHtml(parseMarkdown(markdown), ctx.colours.accent)}</mj-text>`;
const bodyText = (markdown: string) => plainText(parseMarkdown(markdown));

/** A reply in a thread the member follows, with who wrote it. */
function reply(data: Data, ctx: EmailContext): Section {
  const by = byline((data.by as PersonInEmail) ?? null, ctx);
  const link = button(ctx.threadUrl(str(data.threadId)), 'View the conversation', ctx);
  const title = `New reply in “${str(data.threadTitle)}”`;
  return {
    mjml: heading(title) + by.mjml + body(str(data.body), ctx) + link.mjml,
    text: [title, by.text ? `${by.text} wrote:` : '', bodyText(str(data.body)), link.text].filter(Boolean).join('\n\n'),
  };
}

/** A thread the member asked about changed status, with the staff member's note. */
function status(data: Data, ctx: EmailContext): Section {
  const word = STATUS_WORDS[str(data.status)] ?? str(data.status).toLowerCase();
  const title = `“${str(data.threadTitle)}” is now ${word}`;
  const by = byline((data.by as PersonInEmail) ?? null, ctx);
  const note = str(data.note);
  const link = button(ctx.threadUrl(str(data.threadId)), 'View the conversation', ctx);
  return {
    mjml: heading(title) + by.mjml + (note ? body(note, ctx) : '') + link.mjml,
    text: [
      title,
      by.text ? `${by.text}${note ? ' wrote:' : ' changed it.'}` : '',
      note ? bodyText(note) : '',
      link.text,
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/** A thread the member asked about was merged: where the conversation continues. */
function merged(data: Data, ctx: EmailContext): Section {
  const title = `“${str(data.threadTitle)}” continues in “${str(data.targetTitle)}”`;
  const by = byline((data.by as PersonInEmail) ?? null, ctx);
  const explanation =
    'It was the same idea as another thread, so the two were merged: your vote and follow moved there, and the conversation goes on in one place.';
  const link = button(ctx.threadUrl(str(data.targetId)), 'Go to the conversation', ctx);
  return {
    mjml: `${heading(title)}${by.mjml}<mj-text padding="0 0 8px" font-size="15px">${escapeHtml(explanation)}</mj-text>${link.mjml}`,
    text: [title, by.text ? `Merged by ${by.text}.` : '', explanation, link.text].filter(Boolean).join('\n\n'),
  };
}

/** A "What's new" entry, with the threads it delivers. */
function changelog(data: Data, ctx: EmailContext): Section {
  const by = byline((data.by as PersonInEmail) ?? null, ctx);
  const threads = (Array.isArray(data.threads) ? data.threads : []) as { id: string; title: string }[];
  const threadLines = threads.map((t) => {
    const href = ctx.threadUrl(t.id);
    return {
      html: href
        ? `<li><a href="${escapeHtml(href)}" style="color:${ctx.colours.accent}">${escapeHtml(t.title)}</a></li>`
        : `<li>${escapeHtml(t.title)}</li>`,
      text: `- ${t.title}${href ? ` (${href})` : ''}`,
    };
  });
  const delivered = threadLines.length
    ? `<mj-text padding="0 0 8px" font-size="15px">Shipped, as you asked:<ul style="margin:4px 0 0">${threadLines.map((l) => l.html).join('')}</ul></mj-text>`
    : '';
  const link = button(ctx.entryUrl(str(data.entryId)), "Read what's new", ctx);
  return {
    mjml: heading(str(data.title)) + by.mjml + body(str(data.body), ctx) + delivered + link.mjml,
    text: [
      str(data.title),
      by.text,
      bodyText(str(data.body)),
      threadLines.length ? `Shipped, as you asked:\n${threadLines.map((l) => l.text).join('\n')}` : '',
      link.text,
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/** A reply by email that could not be posted, and why. */
function bounce(data: Data, _ctx: EmailContext): Section {
  const title = `Your reply to “${str(data.threadTitle)}” was not posted`;
  const reason = str(data.reason);
  return {
    mjml: `${heading(title)}<mj-text padding="0 0 8px" font-size="15px">${escapeHtml(reason)}</mj-text>`,
    text: `${title}\n\n${reason}`,
  };
}

const SECTIONS: Record<string, (data: Data, ctx: EmailContext) => Section> = {
  reply,
  status,
  merged,
  changelog,
  bounce,
};

/** A message's section: drawn from its template, or (messages from before templates) its text. */
export function sectionOf(
  template: string | null,
  data: Data | null,
  fallbackText: string,
  ctx: EmailContext,
): Section {
  const draw = template ? SECTIONS[template] : undefined;
  if (draw && data) return draw(data, ctx);
  return { mjml: body(fallbackText, ctx), text: fallbackText };
}
