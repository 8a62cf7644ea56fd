import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateOnly, timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { type BriefEntry, HANDOVERS, type Handover } from '../documents/handovers.ts';
import { currentLocale, formatNumber, listOf, t } from '../i18n/localize.ts';
import { feeling, onwards, waitingSince } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

/** A customer's part and last contact, in the reader's language. */
function summaryOf(f: NonNullable<BriefEntry['facts']>): string {
  const locale = currentLocale();
  const part = t(
    msg(
      '{threads, plural, one {# thread} other {# threads}}, {replies, plural, one {# reply} other {# replies}}, {votes, plural, one {# vote} other {# votes}}; member since {since}',
    ),
    { threads: f.threadCount, replies: f.replyCount, votes: f.voteCount, since: dateOnly(f.memberSince, locale) },
  );
  const contact =
    f.lastAnsweredBy && f.lastAnsweredAt
      ? t(msg('last answered by {name} on {date}'), {
          name: f.lastAnsweredBy,
          date: dateOnly(f.lastAnsweredAt, locale),
        })
      : msg('never answered by staff yet');
  return t(msg('{part}; {contact}.', { desc: 'A handover brief line: participation; last contact.' }), {
    part,
    contact,
  });
}

/**
 * Every handover, newest first: who passed their work to whom, exactly what moved, and the brief
 * the successor starts from (per customer: who they are, what they talk about, how they feel, what
 * they still wait for). `openId` opens one (the link after a deactivation).
 */
export class AdminHandovers extends LitElement {
  static override properties = {
    app: { attribute: false },
    openId: { attribute: false },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      details {
        margin-block: 0.75em;
      }
      summary {
        cursor: pointer;
      }
      .entry {
        border-top: 1px solid var(--_border);
        padding-block: 0.5em;
      }
      ul {
        padding-inline-start: 1.2em;
        margin: 0.3em 0;
      }
    `,
  ];

  declare app: AdminApp;
  openId: string | undefined;

  readonly #handovers = new QueryController(this, HANDOVERS, () => ({ community: this.app.community }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #entry(e: BriefEntry) {
    const name = e.member
      ? html`<a href="/admin/members/${encodeURIComponent(e.member.id)}">${e.displayName}</a>`
      : e.displayName;
    return html`<section class="entry" aria-label=${e.displayName}>
      <h4>${name} ${e.email ? html`<span class="muted">${e.email}</span>` : nothing}</h4>
      <p>${e.facts ? summaryOf(e.facts) : e.summary}</p>
      ${e.topics.length ? html`<p><span class="muted">${msg('Talks about')}:</span> ${listOf(e.topics, 'unit')}</p>` : nothing}
      ${
        e.sentiment === null
          ? nothing
          : html`<p><span class="muted">${msg('Sentiment')}:</span> ${feeling(e.sentiment)}
              (${formatNumber(e.sentiment, { minimumFractionDigits: 2, maximumFractionDigits: 2 })})</p>`
      }
      <p class="muted">${msg('Still waiting for an answer')}:</p>
      ${
        e.openQuestions.length
          ? html`<ul>${e.openQuestions.map(
              (q) =>
                html`<li>${q.thread ? html`<a href="/admin/threads/${encodeURIComponent(q.thread.id)}">${q.title}</a>` : q.title}
                  <span class="muted">${waitingSince(q.waitingSince)}</span></li>`,
            )}</ul>`
          : html`<p>${msg('Nothing open.')}</p>`
      }
    </section>`;
  }

  #handover(h: Handover) {
    const reasons: Record<string, string> = {
      DEACTIVATION: msg('Deactivated'),
      AGENCY_ENDED: msg('Agency’s work ended'),
    };
    const when = timeAgo(h.createdAt, Date.now(), currentLocale());
    const moved = t(
      msg(
        '{threads, plural, one {# open thread} other {# open threads}}, {follows, plural, other {# followed}} · {briefed, plural, one {# customer} other {# customers}} in the brief, {owned, plural, other {# now looked after by {to}}}',
      ),
      {
        threads: h.threads.length,
        follows: h.followedThreadCount,
        briefed: h.brief.length,
        owned: h.members.length,
        to: h.to.name,
      },
    );
    return html`<details class="panel" ?open=${h.id === this.openId} id="handover-${h.id}">
      <summary><strong>${h.from.name} ${onwards()} ${h.to.name}</strong>
        <span class="muted">${reasons[h.reason] ?? h.reason},
        ${h.by ? t(msg('by {name}, {when}', { desc: 'Who handed the work over, and when' }), { name: h.by.name, when }) : when} ·
        ${moved}</span></summary>
      ${
        h.threads.length
          ? html`<h3>${msg('Threads that moved')}</h3><ul>${h.threads.map(
              (t) => html`<li><a href="/admin/threads/${encodeURIComponent(t.id)}">${t.title}</a></li>`,
            )}</ul>`
          : nothing
      }
      <h3>${msg('Brief')}</h3>
      ${h.brief.length ? h.brief.map((e) => this.#entry(e)) : html`<p class="muted">${msg('No customers to brief on.')}</p>`}
    </details>`;
  }

  override render() {
    return html`<h1>${msg('Handovers')}</h1>
      <p class="muted">${msg('When someone leaves, their open threads, followed threads and customers go to a successor. What moved, and the brief they start from, stay here.')}</p>
      ${this.#handovers.render((data) => {
        const list = data.community?.handovers ?? [];
        return list.length
          ? list.map((h) => this.#handover(h))
          : html`<p class="panel">${msg('Nobody has handed over their work yet.')}</p>`;
      })}`;
  }
}
