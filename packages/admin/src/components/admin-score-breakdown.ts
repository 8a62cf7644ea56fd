import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { BREAKDOWN, type Contribution, FLAG_AMBASSADOR } from '../documents/ranking.ts';
import { currentLocale, formatNumber, t } from '../i18n/localize.ts';
import { feeling } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

/** Contributions of one kind on one thread, shown once: a thread with ten votes is one line. */
interface Group extends Contribution {
  times: number;
}

function grouped(contributions: Contribution[]): Group[] {
  const groups = new Map<string, Group>();
  for (const c of contributions) {
    const key = `${c.thread?.id ?? ''}\n${c.component}\n${c.activityType}\n${c.value === null}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { ...c, times: 1 });
    else {
      // Love and reach add up; sentiment is each text's own, so the group shows their average.
      if (group.value !== null && c.value !== null) {
        group.value =
          c.component === 'SENTIMENT'
            ? (group.value * group.times + c.value) / (group.times + 1)
            : group.value + c.value;
      }
      group.times += 1;
      if (c.at > group.at) group.at = c.at;
    }
  }
  const weight = (g: Group) => (g.component === 'SENTIMENT' ? Math.abs(g.value ?? 0) : (g.value ?? 0));
  return [...groups.values()].sort((a, b) => weight(b) - weight(a));
}

const number = (value: number) => formatNumber(value, { maximumFractionDigits: 2 });
const signed = (value: number) => formatNumber(value, { maximumFractionDigits: 2, signDisplay: 'always' });

/** What each kind of activity was. */
const activityNames = (): Record<string, string> => ({
  THREAD_POSTED: msg('Posted a thread'),
  REPLY_POSTED: msg('Replied'),
  VOTE_ADDED: msg('Voted'),
  FOLLOWED: msg('Was followed'),
  STATUS_CHANGED: msg('Idea planned or shipped by staff'),
  REPLY_MARKED_HELPFUL: msg('Reply marked helpful by staff'),
  SHARE_VISIT: msg('Visit through their share link'),
  THREAD_RESTORED: msg('Thread restored'),
  REPLY_RESTORED: msg('Reply restored'),
});

/** The parts of a score, as they are named in the formula. */
const componentNames = (): Record<string, string> => ({
  LOVE: msg('love', { desc: 'Part of the score: how much someone takes part' }),
  REACH: msg('reach', { desc: 'Part of the score: how much others respond to them' }),
  SENTIMENT: msg('sentiment', { desc: 'Part of the score: how positive they are' }),
});

/**
 * Why a member ranks where they do: love, reach and sentiment, the formula with the community's
 * weights, and the activities that count most today. Managers flag or unflag the member here.
 */
export class AdminScoreBreakdown extends LitElement {
  static override properties = {
    app: { attribute: false },
    memberId: { attribute: false },
    done: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2em 0.8em;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      ol {
        padding-inline-start: 1.2em;
      }
      li {
        margin-bottom: 0.3em;
      }
    `,
  ];

  declare app: AdminApp;
  declare memberId: string;
  done = '';

  readonly #breakdown = new QueryController(this, BREAKDOWN, () => ({
    community: this.app.community,
    id: this.memberId,
  }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #flag(member: { id: string; displayName: string; isAmbassador: boolean }) {
    const flag = !member.isAmbassador;
    const action = async (reason: string): Promise<Problem | undefined> => {
      const outcome = await mutate(this.app, FLAG_AMBASSADOR, { id: member.id, reason, flag });
      if (outcome.problem) return outcome.problem;
      const name = member.displayName;
      this.done = flag
        ? t(msg('{name} is an ambassador now: the badge shows next to their name.'), { name })
        : t(msg('{name} is no longer an ambassador.'), { name });
      void this.#breakdown.refresh();
      this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
      return undefined;
    };
    return html`<admin-reason-action label=${flag ? msg('Flag as ambassador') : msg('Remove ambassador badge')} .action=${action}></admin-reason-action>`;
  }

  #contribution(c: Group) {
    const what = activityNames()[c.activityType] ?? c.activityType;
    const times = t(msg('×{count, number}', { desc: 'How many times an activity happened' }), { count: c.times });
    return html`<li>
      <strong>${c.value === null ? feeling(null) : signed(c.value)}</strong>
      ${componentNames()[c.component]} · ${what}${c.times > 1 ? html` <span class="muted">${times}</span>` : nothing}
      ${c.thread ? html` · <a href="/admin/threads/${encodeURIComponent(c.thread.id)}">${c.thread.title}</a>` : nothing}
      <span class="muted">${timeAgo(c.at, Date.now(), currentLocale())}</span>
    </li>`;
  }

  override render() {
    return this.#breakdown.render((data) => {
      const member = data.community?.member;
      if (!member) return html`<p class="panel" role="alert">${msg('This member does not exist (any more).')}</p>`;
      const standing = member.standing;
      const b = standing?.breakdown;
      return html`<section class="panel" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">${t(msg('Why {name} ranks here'), { name: member.displayName })}</h2>
        ${
          standing && b
            ? html`<dl>
                <dt>${msg('Rank')}</dt><dd>${formatNumber(standing.rank)}</dd>
                <dt>${msg('Score')}</dt><dd>${number(b.score)}</dd>
                <dt>${msg('Love')}</dt><dd>${number(b.love)}</dd>
                <dt>${msg('Reach')}</dt><dd>${number(b.reach)}</dd>
                <dt>${msg('Sentiment')}</dt><dd>${b.sentiment === null ? feeling(null) : html`${signed(b.sentiment)} (${feeling(b.sentiment)})`}</dd>
              </dl>
              <p class="muted">${t(
                msg(
                  'score = (love × {love, number} + reach × {reach, number}) × (1 + sentiment × {sentiment, number})',
                  { desc: 'The formula of the score; love, reach and sentiment are its parts' },
                ),
                b.settings.score,
              )}.
                ${t(
                  msg(
                    '{days, plural, one {An activity counts half after # day.} other {An activity counts half after # days.}}',
                  ),
                  { days: Math.round(b.settings.halfLifeDays) },
                )}</p>
              <h3>${msg('What counts most today')}</h3>
              <ol>${grouped(b.contributions).map((c) => this.#contribution(c))}</ol>`
            : html`<p class="muted">${msg('Nothing they did counts toward the ranking yet.')}</p>`
        }
        <p><a href="/admin/members/${encodeURIComponent(member.id)}">${msg('Relationship brief')}</a></p>
        ${this.app.isManager ? html`<div class="row">${this.#flag(member)}</div>` : nothing}
        <p class="ok" role="status">${this.done}</p>
      </section>`;
    });
  }
}
