import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { PULSE } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Bucket {
  start: string;
  end: string;
  threads: number;
  replies: number;
  newMembers: number;
  sentiment: number | null;
  answeredShare: number | null;
  medianFirstReplyMinutes: number | null;
  topics: { word: string; count: number }[];
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const signed = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: 'always' });

type WaitUnit = 'seconds' | 'minutes' | 'hours';
const PER_MINUTE: Record<WaitUnit, number> = { seconds: 60, minutes: 1, hours: 1 / 60 };

/** First replies in the unit that fits the longest median (an axis of zeros says nothing). */
function unitOf(buckets: Bucket[]): WaitUnit {
  const longest = Math.max(0, ...buckets.map((b) => b.medianFirstReplyMinutes ?? 0));
  return longest < 2 ? 'seconds' : longest < 120 ? 'minutes' : 'hours';
}

/** The top words of a period: each bucket's topics added up. */
function topicsOf(buckets: Bucket[]) {
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
  bucket: 'DAY' | 'WEEK' = 'DAY';

  readonly #pulse = new QueryController<{ community: { pulse: Bucket[] } | null }, Record<string, unknown>>(
    this,
    PULSE,
    () => ({
      community: this.app.community,
      from: new Date(`${this.from}T00:00:00Z`).toISOString(),
      to: new Date(Date.parse(`${this.to}T00:00:00Z`) + DAY).toISOString(),
      bucket: this.bucket,
    }),
  );

  #preset(days: number): void {
    this.from = isoDay(Date.now() - (days - 1) * DAY);
    this.to = isoDay(Date.now());
    this.bucket = days > 90 ? 'WEEK' : 'DAY';
  }

  #controls() {
    const s = strings;
    const input = (key: 'from' | 'to') => (e: Event) => {
      const value = (e.target as HTMLInputElement).value;
      if (value) this[key] = value;
    };
    return html`<div class="toolbar" role="group" aria-label=${s.range}>
      ${Object.entries(s.ranges).map(([days, label]) => html`<button class="btn" @click=${() => this.#preset(Number(days))}>${label}</button>`)}
      <div class="field"><label for="from">${s.from}</label><input id="from" type="date" .value=${this.from} max=${this.to} @change=${input('from')} /></div>
      <div class="field"><label for="to">${s.to}</label><input id="to" type="date" .value=${this.to} min=${this.from} @change=${input('to')} /></div>
      <div class="field"><label for="bucket">${s.bucket}</label>
        <select id="bucket" @change=${(e: Event) => {
          this.bucket = (e.target as HTMLSelectElement).value as 'DAY' | 'WEEK';
        }}>${Object.entries(s.buckets).map(([value, label]) => html`<option value=${value} ?selected=${value === this.bucket}>${label}</option>`)}</select></div>
    </div>`;
  }

  #charts(buckets: Bucket[]) {
    const s = strings;
    const times = buckets.map((b) => Date.parse(b.start));
    const unit = unitOf(buckets);
    return html`<div class="charts">
      <admin-chart label=${s.volume} .times=${times} .series=${[
        { label: s.threads, values: buckets.map((b) => b.threads) },
        { label: s.repliesLabel, values: buckets.map((b) => b.replies) },
        { label: s.newMembers, values: buckets.map((b) => b.newMembers) },
      ]}></admin-chart>
      <admin-chart label=${s.feelingTitle} .times=${times} .series=${[{ label: s.sentiment, values: buckets.map((b) => b.sentiment) }]}></admin-chart>
      <admin-chart label=${s.answeredShareTitle} .max=${1} .times=${times} .series=${[
        { label: s.answered, values: buckets.map((b) => b.answeredShare) },
      ]}></admin-chart>
      <admin-chart label=${s.firstReplyTitle(unit)} .times=${times} .format=${(v: number, decimals: number) => s.duration(v, decimals, unit)}
        .series=${[
          {
            label: s.firstReply,
            values: buckets.map((b) =>
              b.medianFirstReplyMinutes == null ? null : b.medianFirstReplyMinutes * PER_MINUTE[unit],
            ),
          },
        ]}></admin-chart>
    </div>`;
  }

  #table(buckets: Bucket[]) {
    const s = strings;
    const none = s.none;
    return html`<h2 id="numbers">${s.numbersTitle}</h2>
      <div class="table" tabindex="0" role="region" aria-labelledby="numbers"><table>
        <thead><tr><th scope="col">${s.period}</th><th scope="col" class="num">${s.threads}</th>
          <th scope="col" class="num">${s.repliesLabel}</th><th scope="col" class="num">${s.newMembers}</th>
          <th scope="col" class="num">${s.sentiment}</th><th scope="col" class="num">${s.answered}</th>
          <th scope="col" class="num">${s.firstReply}</th></tr></thead>
        <tbody>${buckets.map(
          (b) => html`<tr>
            <th scope="row">${isoDay(Date.parse(b.start))}</th>
            <td class="num">${b.threads}</td><td class="num">${b.replies}</td><td class="num">${b.newMembers}</td>
            <td class="num">${b.sentiment == null ? none : signed.format(b.sentiment)}</td>
            <td class="num">${b.answeredShare == null ? none : s.percent(b.answeredShare)}</td>
            <td class="num">${b.medianFirstReplyMinutes == null ? none : s.waitTime(b.medianFirstReplyMinutes)}</td>
          </tr>`,
        )}</tbody>
      </table></div>`;
  }

  override render() {
    const s = strings;
    return html`<h1>${s.pulseTitle}</h1>
      <p class="muted">${s.pulseIntro}</p>
      ${this.#controls()}
      ${this.#pulse.render((data) => {
        const buckets = data.community?.pulse ?? [];
        const quiet = buckets.every((b) => b.threads === 0 && b.replies === 0 && b.newMembers === 0);
        const topics = topicsOf(buckets);
        return html`${this.#pulse.problem ? html`<p class="error" role="alert">${this.#pulse.problem.message}</p>` : nothing}
          ${quiet ? html`<p class="panel">${s.pulseEmpty}</p>` : this.#charts(buckets)}
          <h2>${s.topicsTitle}</h2>
          ${topics.length ? html`<ul class="topics">${topics.map(([word, count]) => html`<li class="badge">${word} (${count})</li>`)}</ul>` : html`<p class="muted">${s.none}</p>`}
          ${this.#table(buckets)}`;
      })}`;
  }
}
