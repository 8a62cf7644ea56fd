import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateOnly } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { PULSE, type PulseBucket } from '../documents/ranking.ts';
import type { PulseBucketSize } from '../generated/graphql.ts';
import { currentLocale, formatNumber, t } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const signed = (value: number) => formatNumber(value, { maximumFractionDigits: 2, signDisplay: 'always' });
const NONE = '—';
const percent = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
const threadsLabel = () => msg('New threads');

type WaitUnit = 'seconds' | 'minutes' | 'hours';
const PER_MINUTE: Record<WaitUnit, number> = { seconds: 60, minutes: 1, hours: 1 / 60 };

/** "12 s", "3.5 min", "2 h": a time in a unit, as an axis or a table writes it. */
function inUnit(value: number, decimals: number, unit: WaitUnit): string {
  const values = { value: formatNumber(value, { maximumFractionDigits: decimals }) };
  if (unit === 'seconds') return t(msg('{value} s', { desc: 'A time in seconds, abbreviated' }), values);
  if (unit === 'minutes') return t(msg('{value} min', { desc: 'A time in minutes, abbreviated' }), values);
  return t(msg('{value} h', { desc: 'A time in hours, abbreviated' }), values);
}

/** A wait in the numbers table: seconds under two minutes, minutes under two hours, else hours. */
const waitTime = (minutes: number) =>
  minutes < 2
    ? inUnit(minutes * 60, 0, 'seconds')
    : minutes < 120
      ? inUnit(minutes, 0, 'minutes')
      : inUnit(minutes / 60, 1, 'hours');

/** A bucket's day (a UTC date), written out; at noon local time, so no time zone moves it to another day. */
const dayOf = (iso: string) => dateOnly(`${isoDay(Date.parse(iso))}T12:00:00`, currentLocale());

/** First replies in the unit that fits the longest median (an axis of zeros says nothing). */
function unitOf(buckets: PulseBucket[]): WaitUnit {
  const longest = Math.max(0, ...buckets.map((b) => b.medianFirstReplyMinutes ?? 0));
  return longest < 2 ? 'seconds' : longest < 120 ? 'minutes' : 'hours';
}

/** The top words of a period: each bucket's topics added up. */
function topicsOf(buckets: PulseBucket[]) {
  const counts = new Map<string, number>();
  for (const b of buckets) for (const t of b.topics) counts.set(t.word, (counts.get(t.word) ?? 0) + t.count);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
}

/**
 * The community's pulse over a period: volume, sentiment, the share of threads staff answered and
 * how quickly, drawn as charts and written out as a table, with what people talked about.
 */
export class AdminPulse extends LitElement {
  static override properties = {
    app: { attribute: false },
    from: { state: true },
    to: { state: true },
    bucket: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22em, 1fr));
        gap: 1em;
      }
      .table {
        overflow-x: auto;
        max-height: 28em;
      }
      .num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .topics {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        list-style: none;
        padding: 0;
      }
    `,
  ];

  declare app: AdminApp;
  /** The period, as YYYY-MM-DD (inclusive), and how it is grouped. */
  from = isoDay(Date.now() - 29 * DAY);
  to = isoDay(Date.now());
  bucket: PulseBucketSize = 'DAY';

  readonly #pulse = new QueryController(this, PULSE, () => ({
    community: this.app.community,
    from: new Date(`${this.from}T00:00:00Z`).toISOString(),
    to: new Date(Date.parse(`${this.to}T00:00:00Z`) + DAY).toISOString(),
    bucket: this.bucket,
  }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #preset(days: number): void {
    this.from = isoDay(Date.now() - (days - 1) * DAY);
    this.to = isoDay(Date.now());
    this.bucket = days > 90 ? 'WEEK' : 'DAY';
  }

  #controls() {
    const ranges: Record<string, string> = {
      '30': msg('Last 30 days'),
      '90': msg('Last 90 days'),
      '365': msg('Last 12 months'),
    };
    const buckets: Record<string, string> = {
      DAY: msg('Day', { desc: 'Group the numbers by day' }),
      WEEK: msg('Week', { desc: 'Group the numbers by week' }),
    };
    const input = (key: 'from' | 'to') => (e: Event) => {
      const value = (e.target as HTMLInputElement).value;
      if (value) this[key] = value;
    };
    return html`<div class="toolbar" role="group" aria-label=${msg('Period')}>
      ${Object.entries(ranges).map(([days, label]) => html`<button class="btn" @click=${() => this.#preset(Number(days))}>${label}</button>`)}
      <div class="field"><label for="from">${msg('From', { desc: 'The first day of the period' })}</label><input id="from" type="date" .value=${this.from} max=${this.to} @change=${input('from')} /></div>
      <div class="field"><label for="to">${msg('To', { desc: 'The last day of the period' })}</label><input id="to" type="date" .value=${this.to} min=${this.from} @change=${input('to')} /></div>
      <div class="field"><label for="bucket">${msg('Group by')}</label>
        <select id="bucket" @change=${(e: Event) => {
          this.bucket = (e.target as HTMLSelectElement).value as PulseBucketSize;
        }}>${Object.entries(buckets).map(([value, label]) => html`<option value=${value} ?selected=${value === this.bucket}>${label}</option>`)}</select></div>
    </div>`;
  }

  #charts(buckets: PulseBucket[]) {
    const times = buckets.map((b) => Date.parse(b.start));
    const unit = unitOf(buckets);
    const firstReplyTitle = t(
      msg('Median time to first staff reply ({unit, select, seconds {seconds} minutes {minutes} other {hours}})'),
      { unit },
    );
    return html`<div class="charts">
      <admin-chart label=${msg('Volume')} .times=${times} .series=${[
        { label: threadsLabel(), values: buckets.map((b) => b.threads) },
        { label: msg('Replies'), values: buckets.map((b) => b.replies) },
        { label: msg('New members'), values: buckets.map((b) => b.newMembers) },
      ]}></admin-chart>
      <admin-chart label=${msg('Sentiment (−1 to +1)')} .times=${times}
        .series=${[{ label: msg('Sentiment'), values: buckets.map((b) => b.sentiment) }]}></admin-chart>
      <admin-chart label=${msg('Threads answered by staff')} .max=${1} .times=${times} .series=${[
        { label: msg('Answered'), values: buckets.map((b) => b.answeredShare) },
      ]}></admin-chart>
      <admin-chart label=${firstReplyTitle} .times=${times} .format=${(v: number, decimals: number) => inUnit(v, decimals, unit)}
        .series=${[
          {
            label: msg('First reply'),
            values: buckets.map((b) =>
              b.medianFirstReplyMinutes == null ? null : b.medianFirstReplyMinutes * PER_MINUTE[unit],
            ),
          },
        ]}></admin-chart>
    </div>`;
  }

  #table(buckets: PulseBucket[]) {
    return html`<h2 id="numbers">${msg('The numbers')}</h2>
      <div class="table" tabindex="0" role="region" aria-labelledby="numbers"><table>
        <thead><tr><th scope="col">${msg('Period')}</th><th scope="col" class="num">${threadsLabel()}</th>
          <th scope="col" class="num">${msg('Replies')}</th><th scope="col" class="num">${msg('New members')}</th>
          <th scope="col" class="num">${msg('Sentiment')}</th><th scope="col" class="num">${msg('Answered')}</th>
          <th scope="col" class="num">${msg('First reply')}</th></tr></thead>
        <tbody>${buckets.map(
          (b) => html`<tr>
            <th scope="row"><time datetime=${isoDay(Date.parse(b.start))}>${dayOf(b.start)}</time></th>
            <td class="num">${formatNumber(b.threads)}</td><td class="num">${formatNumber(b.replies)}</td>
            <td class="num">${formatNumber(b.newMembers)}</td>
            <td class="num">${b.sentiment == null ? NONE : signed(b.sentiment)}</td>
            <td class="num">${b.answeredShare == null ? NONE : percent(b.answeredShare)}</td>
            <td class="num">${b.medianFirstReplyMinutes == null ? NONE : waitTime(b.medianFirstReplyMinutes)}</td>
          </tr>`,
        )}</tbody>
      </table></div>`;
  }

  override render() {
    return html`<h1>${msg('Pulse')}</h1>
      <p class="muted">${msg('How the community is doing over time: volume, feeling, and how quickly your team answers.')}</p>
      ${this.#controls()}
      ${this.#pulse.render((data) => {
        const buckets = data.community?.pulse ?? [];
        const quiet = buckets.every((b) => b.threads === 0 && b.replies === 0 && b.newMembers === 0);
        const topics = topicsOf(buckets);
        return html`${this.#pulse.problem ? html`<p class="error" role="alert">${this.#pulse.problem.message}</p>` : nothing}
          ${quiet ? html`<p class="panel">${msg('Nothing happened in this period.')}</p>` : this.#charts(buckets)}
          <h2>${msg('What people talk about')}</h2>
          ${
            topics.length
              ? html`<ul class="topics">${topics.map(([word, count]) => html`<li class="badge">${word} (${formatNumber(count)})</li>`)}</ul>`
              : html`<p class="muted">${NONE}</p>`
          }
          ${this.#table(buckets)}`;
      })}`;
  }
}
