import { plainText } from '@rapport/shared/formatted-text.ts';
import type { Locale } from '@rapport/shared/i18n/locales.ts';
import { type MessageId, say } from '../../../i18n/say.ts';
import { parseMarkdown } from '../../markdown.ts';
import type { PersonInEmail } from '../../notifications/on-activity.ts';
import { escapeHtml, formattedHtml, safeHref } from './html.ts';

/** What an email is drawn with: the brand, its colours, and where its links lead. */
export interface EmailContext {
  brand: string;
  /** The language the email is written in: the member's, else the community's. */
  locale: Locale;
  colours: { accent: string; accentText: string };
  /** A thread on the brand's own page (the widget opens it); null when the brand set no page. */
  threadUrl(threadId: string): string | null;
  /** A "What's new" entry on the brand's page; null when the brand set no page. */
  entryUrl(entryId: string): string | null;
  /** The community on the brand's page (where asks are answered); null when the brand set no page. */
  communityUrl(): string | null;
}

/** One part of an email (a digest has several): its MJML and its plain text. */
export interface Section {
  mjml: string;
  text: string;
}

type Data = Record<string, unknown>;

const STATUSES = ['OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED'];

/** A status as a word in a sentence ("is now planned"), in the email's language. */
export const statusWord = (status: string, locale: Locale): string =>
  STATUSES.includes(status) ? say(locale, `status.${status}` as MessageId) : status.toLowerCase();

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Who said it: name, title and badge ("Staff", "Agency for <brand>"), with their picture. */
function byline(person: PersonInEmail | null, ctx: EmailContext): Section {
  if (!person) return { mjml: '', text: '' };
  const badge =
    person.badge === 'AGENCY'
      ? person.agencyName
        ? say(ctx.locale, 'email.byline.agencyNamed', { brand: ctx.brand, agency: person.agencyName })
        : say(ctx.locale, 'email.byline.agency', { brand: ctx.brand })
      : person.badge === 'STAFF'
        ? say(ctx.locale, 'email.byline.team', { brand: ctx.brand })
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
  const link = button(ctx.threadUrl(str(data.threadId)), say(ctx.locale, 'email.viewConversation'), ctx);
  const title = say(ctx.locale, 'email.reply.title', { title: str(data.threadTitle) });
  const wrote = by.text ? say(ctx.locale, 'email.wrote', { name: by.text }) : '';
  return {
    mjml: heading(title) + by.mjml + body(str(data.body), ctx) + link.mjml,
    text: [title, wrote, bodyText(str(data.body)), link.text].filter(Boolean).join('\n\n'),
  };
}

/** A thread the member asked about changed status, with the staff member's note. */
function status(data: Data, ctx: EmailContext): Section {
  const title = say(ctx.locale, 'email.status.title', {
    title: str(data.threadTitle),
    status: statusWord(str(data.status), ctx.locale),
  });
  const by = byline((data.by as PersonInEmail) ?? null, ctx);
  const note = str(data.note);
  const link = button(ctx.threadUrl(str(data.threadId)), say(ctx.locale, 'email.viewConversation'), ctx);
  return {
    mjml: heading(title) + by.mjml + (note ? body(note, ctx) : '') + link.mjml,
    text: [
      title,
      by.text ? say(ctx.locale, note ? 'email.wrote' : 'email.changedIt', { name: by.text }) : '',
      note ? bodyText(note) : '',
      link.text,
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/** A thread the member asked about was merged: where the conversation continues. */
function merged(data: Data, ctx: EmailContext): Section {
  const title = say(ctx.locale, 'email.merged.title', {
    title: str(data.threadTitle),
    target: str(data.targetTitle),
  });
  const by = byline((data.by as PersonInEmail) ?? null, ctx);
  const explanation = say(ctx.locale, 'email.merged.explanation');
  const link = button(ctx.threadUrl(str(data.targetId)), say(ctx.locale, 'email.goToConversation'), ctx);
  return {
    mjml: `${heading(title)}${by.mjml}<mj-text padding="0 0 8px" font-size="15px">${escapeHtml(explanation)}</mj-text>${link.mjml}`,
    text: [title, by.text ? say(ctx.locale, 'email.merged.by', { name: by.text }) : '', explanation, link.text]
      .filter(Boolean)
      .join('\n\n'),
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
  const shipped = say(ctx.locale, 'email.changelog.delivered');
  const delivered = threadLines.length
    ? `<mj-text padding="0 0 8px" font-size="15px">${escapeHtml(shipped)}<ul style="margin:4px 0 0">${threadLines.map((l) => l.html).join('')}</ul></mj-text>`
    : '';
  const link = button(ctx.entryUrl(str(data.entryId)), say(ctx.locale, 'email.changelog.read'), ctx);
  return {
    mjml: heading(str(data.title)) + by.mjml + body(str(data.body), ctx) + delivered + link.mjml,
    text: [
      str(data.title),
      by.text,
      bodyText(str(data.body)),
      threadLines.length ? `${shipped}\n${threadLines.map((l) => l.text).join('\n')}` : '',
      link.text,
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/** An ask from a named staff member: the question, its choices, and where to answer it. */
function ask(data: Data, ctx: EmailContext): Section {
  const by = byline((data.by as PersonInEmail) ?? null, ctx);
  const question = str(data.question);
  const details = str(data.details);
  const choices = (Array.isArray(data.choices) ? data.choices : []).map(str);
  const link = button(ctx.communityUrl(), say(ctx.locale, 'email.ask.answer'), ctx);
  const list = choices.length
    ? `<mj-text padding="0 0 8px" font-size="15px"><ul style="margin:4px 0 0">${choices.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul></mj-text>`
    : '';
  const detailsHtml = details
    ? `<mj-text padding="0 0 8px" font-size="15px" line-height="1.5">${escapeHtml(details).replaceAll('\n', '<br>')}</mj-text>`
    : '';
  return {
    mjml: heading(question) + by.mjml + detailsHtml + list + link.mjml,
    text: [question, by.text, details, choices.map((c) => `- ${c}`).join('\n'), link.text].filter(Boolean).join('\n\n'),
  };
}

/** A reply by email that could not be posted, and why. */
function bounce(data: Data, ctx: EmailContext): Section {
  const title = say(ctx.locale, 'email.bounce.title', { title: str(data.threadTitle) });
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
  ask,
  bounce,
};

/**
 * An email's subject in its language, from its template (`stored`, written when the message was
 * queued, for messages from before templates and as the last resort).
 */
export function subjectOf(template: string | null, data: Data | null, stored: string, ctx: EmailContext): string {
  if (!template || !data) return stored;
  const title = str(data.threadTitle);
  switch (template) {
    case 'reply':
      return say(ctx.locale, 'email.reply.title', { title });
    case 'status':
      return say(ctx.locale, 'email.status.title', { title, status: statusWord(str(data.status), ctx.locale) });
    case 'merged':
      return say(ctx.locale, 'email.merged.title', { title, target: str(data.targetTitle) });
    case 'changelog':
      return say(ctx.locale, 'email.changelog.subject', { brand: ctx.brand, title: str(data.title) });
    case 'ask':
      return say(ctx.locale, 'email.ask.subject', { brand: ctx.brand, question: str(data.question) });
    case 'bounce':
      return say(ctx.locale, 'email.bounce.title', { title });
    default:
      return stored;
  }
}

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
