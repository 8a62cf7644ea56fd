import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { directionOf } from '@rapport/shared/i18n/locales.ts';
import { linkButtonStyles } from '@rapport/shared/ui/link-button.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { ListController } from '../client/query.ts';
import { RANKING, type RankingRow, type RankingRules } from '../documents/ranking.ts';
import type { RankingSegment } from '../generated/graphql.ts';
import { currentLocale, formatNumber, t } from '../i18n/localize.ts';
import { feeling } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

const SEGMENTS: readonly RankingSegment[] = ['ALL', 'SUGGESTED', 'AMBASSADORS', 'CRITICS'];
const number = (value: number) => formatNumber(value, { maximumFractionDigits: 1 });
const signed = (value: number) => formatNumber(value, { maximumFractionDigits: 2, signDisplay: 'always' });

const segmentNames = (): Record<RankingSegment, string> => ({
  ALL: msg('Everyone'),
  AMBASSADORS: msg('Ambassadors'),
  SUGGESTED: msg('Suggested'),
  CRITICS: msg('Critics'),
});

const segmentHints = (): Record<RankingSegment, string> => ({
  ALL: msg('Everyone whose activity counts, highest score first.'),
  AMBASSADORS: msg('Members your team flagged as ambassadors: they carry a badge in the community.'),
  SUGGESTED: msg('Top scorers, active lately and positive, not flagged yet: worth a look.'),
  CRITICS: msg(
    'People others listen to who are persistently unhappy: reach out to them. They are never hidden or penalised.',
  ),
});

const segmentEmpty = (): Record<RankingSegment, string> => ({
  ALL: msg('Nobody has taken part yet.'),
  AMBASSADORS: msg('No ambassadors yet: flag someone from “Suggested” or “Everyone”.'),
  SUGGESTED: msg('No suggestions right now.'),
  CRITICS: msg('No critics right now.'),
});

/** "the top 10%": a percentile as the share above it. */
const topShare = (percentile: number) =>
  formatNumber((100 - percentile) / 100, { style: 'percent', maximumFractionDigits: 1 });

/** The rule of a segment with this community's numbers (members level with a cut-off count). */
function segmentRule(segment: RankingSegment, rules: RankingRules): string | undefined {
  if (segment === 'SUGGESTED') {
    const r = rules.ambassadors;
    return t(
      msg(
        'Rule: a score in the top {top} of the community, at least {activities, plural, one {# activity} other {# activities}} in the last {days, plural, one {# day} other {# days}}, sentiment 0 or above, not flagged yet. Anyone level with the cut-off is included.',
      ),
      { top: topShare(r.percentile), activities: r.minRecentActivities, days: r.recentDays },
    );
  }
  if (segment === 'CRITICS') {
    const r = rules.critics;
    return t(
      msg(
        'Rule: reach in the top {top} of the community, at least {texts, plural, one {# post or reply} other {# posts or replies}}, and sentiment of {sentiment} or lower. Anyone level with the cut-off is included.',
      ),
      { top: topShare(r.reachPercentile), texts: r.minTexts, sentiment: formatNumber(r.maxSentiment) },
    );
  }
  return undefined;
}

/** A trend arrow: its direction in words for screen readers, the arrow for the eye. */
function trendOf(row: RankingRow) {
  const then = row.score - row.trend;
  const change = then > 0 ? row.trend / then : 0;
  // Nothing counted 30 days ago (a new community, a new member): new, not "up" by their whole score.
  const [arrow, label] =
    then <= 0 && row.trend > 0
      ? ['•', msg('new in the last 30 days')]
      : change > 0.05
        ? ['↑', t(msg('up {by}', { desc: 'A score went up by this much' }), { by: number(row.trend) })]
        : change < -0.05
          ? ['↓', t(msg('down {by}', { desc: 'A score went down by this much' }), { by: number(-row.trend) })]
          : ['→', msg('steady', { desc: 'A score that did not change much' })];
  return html`<span class="trend ${arrow === '↑' ? 'up' : arrow === '↓' ? 'down' : ''}" title=${label}>
    <span aria-hidden="true">${arrow}</span><span class="sr-only">${label}</span></span>`;
}

/**
 * The ranking for the community team: segment tabs (everyone, suggested ambassadors, flagged
 * ambassadors, critics), the table of scores with their parts and trend, and a member's breakdown
 * beside it, where a manager flags or unflags them.
 */
export class AdminAmbassadors extends LitElement {
  static override properties = {
    app: { attribute: false },
    segment: { state: true },
    selected: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    linkButtonStyles,
    css`
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em;
        margin-bottom: 0.6em;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_accent);
        color: var(--_accent-text);
        border-color: var(--_accent);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(16em, 2fr);
        gap: 1em;
        align-items: start;
      }
      @media (max-width: 60em) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .table {
        overflow-x: auto;
      }
      .num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      tr[aria-current='true'] {
        background: var(--_surface);
      }
      .trend.up {
        color: var(--_success);
      }
      .trend.down {
        color: var(--_danger);
      }
    `,
  ];

  declare app: AdminApp;
  segment: RankingSegment = 'ALL';
  /** The member whose breakdown is shown. */
  selected: RankingRow | undefined;

  readonly #ranking = new ListController(
    this,
    RANKING,
    () => ({ community: this.app.community, segment: this.segment }),
    (data) => data.community?.ranking,
  );

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #choose(segment: RankingSegment): void {
    this.segment = segment;
    this.selected = undefined;
  }

  /** Arrow keys move between tabs, as in every tab list (the tabs run right to left in Arabic and Hebrew). */
  #onTabKey(event: KeyboardEvent): void {
    const i = SEGMENTS.indexOf(this.segment);
    const step = directionOf(currentLocale()) === 'rtl' ? -1 : 1;
    const next = event.key === 'ArrowRight' ? i + step : event.key === 'ArrowLeft' ? i - step : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.#choose(SEGMENTS[(next + SEGMENTS.length) % SEGMENTS.length] as RankingSegment);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus(),
    );
  }

  #table(rows: RankingRow[]) {
    return html`<div class="table"><table>
      <caption class="sr-only">${segmentNames()[this.segment]}</caption>
      <thead><tr>
        <th scope="col" class="num">${msg('Rank')}</th><th scope="col">${msg('Name')}</th>
        <th scope="col" class="num">${msg('Score')}</th><th scope="col" class="num">${msg('Love')}</th>
        <th scope="col" class="num">${msg('Reach')}</th><th scope="col">${msg('Sentiment')}</th>
        <th scope="col">${msg('Trend (30 days)')}</th><th scope="col">${msg('Status')}</th>
      </tr></thead>
      <tbody>${rows.map(
        (row) => html`<tr aria-current=${this.selected?.member.id === row.member.id ? 'true' : 'false'}>
          <td class="num">${formatNumber(row.rank)}</td>
          <td><button class="link" aria-label=${t(msg('Why {name} ranks here'), { name: row.member.displayName })} @click=${() => {
            this.selected = row;
          }}>${row.member.displayName}</button></td>
          <td class="num">${number(row.score)}</td>
          <td class="num">${number(row.love)}</td>
          <td class="num">${number(row.reach)}</td>
          <td>${row.sentiment === null ? '' : signed(row.sentiment)} <span class="muted">${feeling(row.sentiment)}</span></td>
          <td>${trendOf(row)}</td>
          <td>${row.isAmbassador ? html`<span class="badge">${msg('Ambassador')}</span>` : nothing}
            ${row.isSuggested ? html`<span class="badge">${msg('Suggested')}</span>` : nothing}
            ${row.isCritic ? html`<span class="badge">${msg('Critic')}</span>` : nothing}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  /** How the segment is chosen, with this community's numbers. */
  #rule() {
    const rules = this.#ranking.data?.community?.ranking.rules;
    const rule = rules && segmentRule(this.segment, rules);
    return rule ? html`<p class="muted rule">${rule}</p>` : nothing;
  }

  override render() {
    const title = msg('Ambassadors and critics');
    const segments = segmentNames();
    return html`<h1>${title}</h1>
      <p class="muted">${msg('Who takes part most (love), who others respond to (reach), and how they feel (sentiment). Recent activity counts more.')}</p>
      <div role="tablist" aria-label=${title} @keydown=${this.#onTabKey}>
        ${SEGMENTS.map(
          (
            segment,
          ) => html`<button class="btn" role="tab" id="tab-${segment}" aria-selected=${segment === this.segment ? 'true' : 'false'}
            aria-controls="panel" tabindex=${segment === this.segment ? '0' : '-1'} @click=${() => this.#choose(segment)}>${segments[segment]}</button>`,
        )}
      </div>
      <div class="layout">
        <section id="panel" role="tabpanel" aria-labelledby="tab-${this.segment}">
          <p class="muted">${segmentHints()[this.segment]}</p>
          ${this.#rule()}
          ${this.#ranking.renderList((rows) => this.#table(rows), html`<p class="panel">${segmentEmpty()[this.segment]}</p>`)}
        </section>
        ${
          this.selected
            ? html`<admin-score-breakdown .app=${this.app} .memberId=${this.selected.member.id}
                @rapport-changed=${() => this.#ranking.refresh()}></admin-score-breakdown>`
            : nothing
        }
      </div>`;
  }
}
