import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { DEMAND, DEMAND_CSV, type DemandIdea } from '../documents/demand.ts';
import type { DemandOrder, ThreadStatus } from '../generated/graphql.ts';
import { formatNumber, listOf, t } from '../i18n/localize.ts';
import { statusName } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

const DAY = 86_400_000;
const STATUSES: ThreadStatus[] = ['OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED'];

/** "12 ambassadors, 3 critics, 40 % of Enterprise": who an idea's voters are. */
function breakdown(idea: DemandIdea): string {
  const parts = idea.bySegment.flatMap((s) => {
    if (!s.voters) return [];
    if (s.standing === 'AMBASSADORS')
      return [t(msg('{count, plural, one {# ambassador} other {# ambassadors}}'), { count: s.voters })];
    if (s.standing === 'CRITICS')
      return [t(msg('{count, plural, one {# critic} other {# critics}}'), { count: s.voters })];
    const share = formatNumber(s.share, { style: 'percent', maximumFractionDigits: 0 });
    return [t(msg('{share} of {segment}'), { share, segment: s.segment?.name ?? '' })];
  });
  return listOf(parts, 'unit');
}

/**
 * Who wants what: ideas ranked by unique voters, by an attribute summed over their voters (e.g.
 * monthly revenue) or by one segment's voters, filtered by status; who the voters are; the top
 * ideas' last 30 days as a chart; and the list as CSV.
 */
export class AdminDemand extends LitElement {
  static override properties = {
    app: { attribute: false },
    orderBy: { state: true },
    weightBy: { state: true },
    segmentId: { state: true },
    status: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        align-items: end;
      }
      td.num {
        text-align: end;
      }
    `,
  ];

  declare app: AdminApp;
  orderBy: DemandOrder = 'VOTERS';
  weightBy = '';
  /** What `weightBy` holds once typing stops. */
  #weight = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  segmentId = '';
  status: ThreadStatus | '' = '';

  readonly #demand = new QueryController(this, DEMAND, () => this.#variables());

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  #variables() {
    // Ordering by a sum needs its attribute, and by a segment its segment: until then, by voters.
    const order =
      (this.orderBy === 'WEIGHT' && !this.#weight) || (this.orderBy === 'SEGMENT_VOTERS' && !this.segmentId)
        ? 'VOTERS'
        : this.orderBy;
    return {
      community: this.app.community,
      orderBy: order,
      weightBy: this.#weight || null,
      segmentId: this.segmentId || null,
      status: this.status ? [this.status] : null,
    };
  }

  async #download(): Promise<void> {
    const result = await this.app.client.query(DEMAND_CSV, this.#variables()).toPromise();
    const csv = result.data?.community?.demandCsv;
    if (!csv) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = 'demand.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  #controls(segments: { id: string; name: string }[]) {
    return html`<div class="controls">
      <div class="field"><label for="demand-order">${msg('Rank by')}</label>
        <select id="demand-order" .value=${this.orderBy} @change=${(e: Event) => {
          this.orderBy = (e.target as HTMLSelectElement).value as DemandOrder;
        }}>
          <option value="VOTERS">${msg('Unique voters')}</option>
          <option value="WEIGHT">${msg('Sum of an attribute over the voters')}</option>
          <option value="SEGMENT_VOTERS">${msg('Voters in a segment')}</option>
        </select></div>
      <div class="field"><label for="demand-weight">${msg('Attribute to sum')}</label>
        <input id="demand-weight" .value=${this.weightBy} placeholder="mrr" @input=${(e: Event) => {
          this.weightBy = (e.target as HTMLInputElement).value;
          clearTimeout(this.#timer);
          this.#timer = setTimeout(() => {
            this.#weight = this.weightBy.trim();
            this.requestUpdate();
          }, 400);
        }} /></div>
      <div class="field"><label for="demand-segment">${msg('Segment')}</label>
        <select id="demand-segment" .value=${this.segmentId} @change=${(e: Event) => {
          this.segmentId = (e.target as HTMLSelectElement).value;
        }}>
          <option value="">${msg('Everyone')}</option>
          ${segments.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
        </select></div>
      <div class="field"><label for="demand-status">${msg('Status')}</label>
        <select id="demand-status" .value=${this.status} @change=${(e: Event) => {
          this.status = (e.target as HTMLSelectElement).value as ThreadStatus | '';
        }}>
          <option value="">${msg('Any status')}</option>
          ${STATUSES.map((s) => html`<option value=${s}>${statusName(s)}</option>`)}
        </select></div>
      <button class="btn" @click=${() => this.#download()}>${msg('Download CSV')}</button>
    </div>`;
  }

  #table(ideas: DemandIdea[]) {
    const weighted = ideas.some((i) => i.weight != null);
    const segmented = ideas.some((i) => i.segmentVoters != null);
    return html`<table class="ideas">
      <thead><tr><th scope="col">${msg('Idea')}</th><th scope="col">${msg('Status')}</th>
        <th scope="col">${msg('Voters')}</th>
        ${weighted ? html`<th scope="col">${t(msg('Sum of {attribute}'), { attribute: this.#weight })}</th>` : nothing}
        ${segmented ? html`<th scope="col">${msg('In the segment')}</th>` : nothing}
        <th scope="col">${msg('Who they are')}</th></tr></thead>
      <tbody>${ideas.map(
        (i) => html`<tr>
          <td><a href="/admin/threads/${encodeURIComponent(i.thread.id)}">${i.thread.title}</a></td>
          <td>${statusName(i.thread.status)}</td>
          <td class="num">${formatNumber(i.voters)}</td>
          ${weighted ? html`<td class="num">${formatNumber(i.weight ?? 0)}</td>` : nothing}
          ${segmented ? html`<td class="num">${formatNumber(i.segmentVoters ?? 0)}</td>` : nothing}
          <td>${breakdown(i)}</td>
        </tr>`,
      )}</tbody>
    </table>`;
  }

  override render() {
    return html`<h1>${msg('Demand')}</h1>
      <p class="muted">${msg('Who wants what: the ideas your customers vote for, and who those customers are.')}</p>
      ${this.#demand.render((data) => {
        const community = data.community;
        if (!community) return nothing;
        const ideas = community.demand.ideas;
        const top = ideas.slice(0, 5);
        const start = Date.now() - 29 * DAY;
        const times = Array.from({ length: 30 }, (_, d) => start + d * DAY);
        return html`${this.#controls(community.segments)}
          ${
            ideas.length
              ? html`<admin-chart label=${msg('New votes a day, the top ideas')} .times=${times}
                  .series=${top.map((i) => ({ label: i.thread.title, values: i.trend }))}></admin-chart>
                ${this.#table(ideas)}`
              : html`<p class="muted">${msg('No ideas match.')}</p>`
          }`;
      })}`;
  }
}
