/**
 * An event as an alert in a team's chat: Slack's blocks, a Discord embed, or a Microsoft Teams
 * (Workflows) adaptive card, in the community's language, with a link to the console. Written by
 * hand: each tool's incoming-webhook format is a small JSON document, and no kept library covers
 * all three. Customers' words are escaped for each tool's markup, and never mention anyone.
 */
import type { Locale } from '@rapport/shared/i18n/locales.ts';
import type { WebhookFormat } from '../../entities/index.ts';
import { say } from '../../i18n/say.ts';

/** A delivery's event, as stored (services/webhooks/events.ts). */
export interface EventEnvelope {
  event: string;
  community: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/** What an alert says, before it is put in a tool's format. */
export interface Alert {
  headline: string;
  detail: string;
  context: string;
  link: string | null;
  linkLabel: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/**
 * The console addresses a thread by its API id: Relay's global id, base64 of "Thread:<uuid>" (the
 * Pothos default; alerts.test.ts compares it with the id the API hands out, and fails if it changes).
 */
const consoleThreadId = (id: string) => Buffer.from(`Thread:${id}`).toString('base64');

/** The alert for an event; null for events that are not alerts (told as JSON only). */
export function alertOf(
  envelope: EventEnvelope,
  locale: Locale,
  consoleUrl: string | null,
  brand: string,
): Alert | null {
  const d = envelope.data;
  const thread =
    consoleUrl && d.threadId ? `${consoleUrl}/threads/${encodeURIComponent(consoleThreadId(str(d.threadId)))}` : null;
  const base = { context: brand, linkLabel: say(locale, 'alert.open'), link: thread };
  switch (envelope.event) {
    case 'idea.created':
      return {
        ...base,
        headline: say(locale, 'alert.idea.created', { title: str(d.title) }),
        detail: str(d.body),
        context: d.authorName ? `${brand} · ${say(locale, 'alert.by', { name: str(d.authorName) })}` : brand,
      };
    case 'ambassador.posted':
    case 'critic.posted':
      return {
        ...base,
        headline: say(locale, envelope.event === 'critic.posted' ? 'alert.critic.posted' : 'alert.ambassador.posted', {
          name: str(d.memberName),
          title: str(d.threadTitle),
        }),
        detail: str(d.text),
      };
    case 'idea.votes_passed':
      return {
        ...base,
        headline: say(locale, 'alert.votes.passed', { title: str(d.title), count: Number(d.voteCount) }),
        detail: '',
      };
    case 'ask.closed': {
      const results = (Array.isArray(d.results) ? d.results : []) as { choice: string; count: number }[];
      return {
        ...base,
        headline: say(locale, 'alert.ask.closed', { question: str(d.question) }),
        detail: [
          say(locale, 'alert.ask.answers', { count: Number(d.answered) }),
          ...results.map((r) => `${r.choice}: ${r.count}`),
        ].join('\n'),
        link: consoleUrl && d.askId ? `${consoleUrl}/asks/${encodeURIComponent(str(d.askId))}` : null,
      };
    }
    default:
      return null;
  }
}

/** Slack's mrkdwn: &, < and > escaped (no links, no @channel from a customer's words). */
const slackText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** Markdown as Discord and Teams read it: its marks escaped, so a customer's words stay words. */
const markdownText = (text: string) => text.replace(/[\\`*_~|>#[\]()]/g, '\\$&');

function slack(alert: Alert): unknown {
  const text = `*${slackText(alert.headline)}*${alert.detail ? `\n${slackText(alert.detail)}` : ''}`;
  // verbatim: Slack neither links addresses nor reads mentions in the text.
  return {
    text: slackText(alert.headline),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackText(alert.context), verbatim: true }] },
      ...(alert.link
        ? [
            {
              type: 'actions',
              elements: [{ type: 'button', text: { type: 'plain_text', text: alert.linkLabel }, url: alert.link }],
            },
          ]
        : []),
    ],
  };
}

function discord(alert: Alert, createdAt: string): unknown {
  return {
    username: 'Rapport',
    // Nobody is pinged, whatever the words say.
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: alert.headline.slice(0, 256),
        ...(alert.detail ? { description: markdownText(alert.detail).slice(0, 4096) } : {}),
        ...(alert.link ? { url: alert.link } : {}),
        color: 0x2457c5,
        footer: { text: alert.context.slice(0, 2048) },
        timestamp: createdAt,
      },
    ],
  };
}

function teams(alert: Alert): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: markdownText(alert.headline), weight: 'Bolder', size: 'Medium', wrap: true },
            ...(alert.detail ? [{ type: 'TextBlock', text: markdownText(alert.detail), wrap: true }] : []),
            { type: 'TextBlock', text: markdownText(alert.context), isSubtle: true, size: 'Small', wrap: true },
          ],
          ...(alert.link ? { actions: [{ type: 'Action.OpenUrl', title: alert.linkLabel, url: alert.link }] } : {}),
        },
      },
    ],
  };
}

/**
 * The body a webhook of `format` is sent for an event: the stored JSON as it is, or the alert in
 * the tool's format (an event that is not an alert is sent to a chat tool as a plain line).
 */
export function formattedBody(
  format: WebhookFormat,
  body: string,
  locale: Locale,
  consoleUrl: string | null,
  brand: string,
): string {
  if (format === 'JSON') return body;
  const envelope = JSON.parse(body) as EventEnvelope;
  const alert = alertOf(envelope, locale, consoleUrl, brand) ?? {
    headline: `${brand}: ${envelope.event}`,
    detail: '',
    context: brand,
    link: consoleUrl,
    linkLabel: say(locale, 'alert.open'),
  };
  const out =
    format === 'SLACK' ? slack(alert) : format === 'DISCORD' ? discord(alert, envelope.createdAt) : teams(alert);
  return JSON.stringify(out);
}
