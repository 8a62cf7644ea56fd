import { linkButtonStyles } from '@rapport/shared/ui/link-button.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { ListController } from '../client/query.ts';
import { RANKING } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

export interface RankingRow {
  rank: number;
  score: number;
  love: number;
  reach: number;
  sentiment: number;
  textCount: number;
  trend: number;
  isAmbassador: boolean;
  isSuggested: boolean;
  isCritic: boolean;
  member: { id: string; displayName: string };
}

interface RankingRules {
  ambassadors: { percentile: number; minRecentActivities: number; recentDays: number };
  critics: { reachPercentile: number; minTexts: number; maxSentiment: number };
}

type RankingData = {
  community: {
    ranking: {
      rules: RankingRules;
      edges: { node: RankingRow }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
};

const SEGMENTS = ['ALL', 'SUGGESTED', 'AMBASSADORS', 'CRITICS'] as const;
const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: 'always' });

/** A trend arrow: its direction in words for screen readers, the arrow for the eye. */
function trendOf(row: RankingRow) {
  const s = strings;
  const then = row.score - row.trend;
  const change = then > 0 ? row.trend / then : 0;
  // Nothing counted 30 days ago (a new community, a new member): new, not "up" by their whole score.
  const [arrow, label] =
    then <= 0 && row.trend > 0
      ? ['•', s.trendNew]
      : change > 0.05
        ? ['↑', s.trendUp(number.format(row.trend))]
        : change < -0.05
          ? ['↓', s.trendDown(number.format(-row.trend))]
          : ['→', s.trendFlat];
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
  segment: (typeof SEGMENTS)[number] = 'ALL';
  /** The member whose breakdown is shown. */
  selected: RankingRow | undefined;

  readonly #ranking = new ListController<RankingData, RankingRow, Record<string, unknown>>(
    this,
    RANKING,
    () => ({ community: this.app.community, segment: this.segment }),
    (data) => data.community?.ranking,
  );

  #choose(segment: (typeof SEGMENTS)[number]): void {
    this.segment = segment;
    this.selected = undefined;
  }

  /** Arrow keys move between tabs, as in every tab list. */
  #onTabKey(event: KeyboardEvent): void {
    const i = SEGMENTS.indexOf(this.segment);
    const next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.#choose(SEGMENTS[(next + SEGMENTS.length) % SEGMENTS.length] as (typeof SEGMENTS)[number]);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus(),
    );
  }

  #table(rows: RankingRow[]) {
    const s = strings;
    return html`<div class="table"><table>
      <caption class="sr-only">${s.segments[this.segment]}</caption>
      <thead><tr>
        <th scope="col" class="num">${s.rank}</th><th scope="col">${s.name}</th>
        <th scope="col" class="num">${s.score}</th><th scope="col" class="num">${s.love}</th>
        <th scope="col" class="num">${s.reach}</th><th scope="col">${s.sentiment}</th>
        <th scope="col">${s.trend}</th><th scope="col">${s.state}</th>
      </tr></thead>
      <tbody>${rows.map(
        (row) => html`<tr aria-current=${this.selected?.member.id === row.member.id ? 'true' : 'false'}>
          <td class="num">${row.rank}</td>
          <td><button class="link" aria-label=${s.why(row.member.displayName)} @click=${() => {
            this.selected = row;
          }}>${row.member.displayName}</button></td>
          <td class="num">${number.format(row.score)}</td>
          <td class="num">${number.format(row.love)}</td>
          <td class="num">${number.format(row.reach)}</td>
          <td>${signed.format(row.sentiment)} <span class="muted">${s.feeling(row.sentiment)}</span></td>
          <td>${trendOf(row)}</td>
          <td>${row.isAmbassador ? html`<span class="badge">${s.ambassador}</span>` : nothing}
            ${row.isSuggested ? html`<span class="badge">${s.suggestedBadge}</span>` : nothing}
            ${row.isCritic ? html`<span class="badge">${s.criticBadge}</span>` : nothing}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  /** How the segment is chosen, with this community's numbers. */
  #rule() {
    const rules = this.#ranking.data?.community?.ranking.rules;
    if (!rules) return nothing;
    if (this.segment === 'SUGGESTED')
      return html`<p class="muted rule">${strings.segmentRules.SUGGESTED(rules.ambassadors)}</p>`;
    if (this.segment === 'CRITICS')
      return html`<p class="muted rule">${strings.segmentRules.CRITICS(rules.critics)}</p>`;
    return nothing;
  }

  override render() {
    const s = strings;
    return html`<h1>${s.ambassadorsTitle}</h1>
      <p class="muted">${s.ambassadorsIntro}</p>
      <div role="tablist" aria-label=${s.ambassadorsTitle} @keydown=${this.#onTabKey}>
        ${SEGMENTS.map(
          (
            segment,
          ) => html`<button class="btn" role="tab" id="tab-${segment}" aria-selected=${segment === this.segment ? 'true' : 'false'}
            aria-controls="panel" tabindex=${segment === this.segment ? '0' : '-1'} @click=${() => this.#choose(segment)}>${s.segments[segment]}</button>`,
        )}
      </div>
      <div class="layout">
        <section id="panel" role="tabpanel" aria-labelledby="tab-${this.segment}">
          <p class="muted">${s.segmentHints[this.segment]}</p>
          ${this.#rule()}
          ${this.#ranking.renderList((rows) => this.#table(rows), html`<p class="panel">${s.segmentEmpty[this.segment]}</p>`)}
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
