import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { keepSubscribed } from '@rapport/shared/client/live.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateTime } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { liveOf } from '../client/live.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import {
  ASK,
  ASK_CSV,
  ASK_EVENTS,
  type Ask,
  type AskTally,
  CLOSE_ASK,
  DELETE_ASK,
  OPEN_FOLLOW_UP,
  PUBLISH_ASK,
} from '../documents/asks.ts';
import type { ThreadKind } from '../generated/graphql.ts';
import { currentLocale, formatNumber, t } from '../i18n/localize.ts';
import { kindName } from '../i18n/words.ts';
import { navigate } from '../router.ts';
import { adminStyles } from '../styles.ts';
import { askedOf, askStatusName } from './admin-asks.ts';

/** Waits this long after an answer before reading the results again: a burst is read once. */
const REFETCH_DELAY_MS = 300;

/**
 * One ask: publishing and closing it, and its answers as they come in (live): how many chose each
 * choice, overall and for the segments and the attribute staff pick, with a chart, the written
 * answers, a CSV of everything, and a public thread opened to follow it up.
 */
export class AdminAsk extends LitElement {
  static override properties = {
    app: { attribute: false },
    askId: { attribute: false },
    segmentIds: { state: true },
    attribute: { state: true },
    attributeInput: { state: true },
    problem: { state: true },
    busy: { state: true },
    followUpTitle: { state: true },
    followUpKind: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .results td.number,
      .results th.number {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .chart {
        max-width: 40em;
      }
    `,
  ];

  declare app: AdminApp;
  askId = '';
  segmentIds: string[] = [];
  attribute = '';
  attributeInput = '';
  problem: Problem | undefined;
  busy = false;
  followUpTitle = '';
  followUpKind: ThreadKind = 'IDEA';
  #stopLive: (() => void) | undefined;
  #refetchTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #ask = new QueryController(this, ASK, () => ({
    community: this.app.community,
    id: this.askId,
    segmentIds: this.segmentIds,
    attribute: this.attribute || null,
  }));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopLive = keepSubscribed(
      liveOf(this.app.client, ASK_EVENTS, { community: this.app.community, id: this.askId }),
      {
        isStart: (data) => data.askEvents.type === 'SUBSCRIBED',
        onConnected: () => this.#refetchSoon(),
        onEvent: () => this.#refetchSoon(),
        onDisconnected: () => {},
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
    clearTimeout(this.#refetchTimer);
  }

  #refetchSoon(): void {
    clearTimeout(this.#refetchTimer);
    this.#refetchTimer = setTimeout(() => this.#ask.refresh(), REFETCH_DELAY_MS);
  }

  async #act(run: () => Promise<{ problem?: Problem | undefined }>): Promise<void> {
    this.busy = true;
    const outcome = await run();
    this.busy = false;
    this.problem = outcome.problem;
    if (!outcome.problem) void this.#ask.refresh();
  }

  async #delete(): Promise<void> {
    const outcome = await mutate(this.app, DELETE_ASK, { id: this.askId });
    this.problem = outcome.problem;
    if (!outcome.problem) navigate({ name: 'asks' });
  }

  async #download(): Promise<void> {
    const result = await this.app.client
      .query(ASK_CSV, { community: this.app.community, id: this.askId }, { requestPolicy: 'network-only' })
      .toPromise();
    const csv = result.data?.community?.ask?.csv;
    if (!csv) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = 'answers.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async #followUp(event: Event): Promise<void> {
    event.preventDefault();
    const ask = this.#ask.data?.community?.ask;
    if (!ask) return;
    const title = this.followUpTitle || ask.question;
    await this.#act(() => mutate(this.app, OPEN_FOLLOW_UP, { id: ask.id, kind: this.followUpKind, title }));
  }

  #toggleSegment(id: string, on: boolean): void {
    this.segmentIds = on ? [...this.segmentIds, id] : this.segmentIds.filter((s) => s !== id);
  }

  /** One group's row: how many answered, and each choice's count and share of them. */
  #tallyRow(ask: Ask, tally: AskTally, name: string) {
    const share = (n: number) =>
      tally.answered ? ` (${formatNumber(n / tally.answered, { style: 'percent', maximumFractionDigits: 0 })})` : '';
    return html`<tr>
      <th scope="row">${name}</th>
      <td class="number">${formatNumber(tally.answered)}</td>
      ${ask.choices.map((_, i) => html`<td class="number">${formatNumber(tally.counts[i] ?? 0)}${share(tally.counts[i] ?? 0)}</td>`)}
    </tr>`;
  }

  #results(ask: Ask, segments: { id: string; name: string }[]) {
    const r = ask.results;
    const noValue = msg('(none)', { desc: 'Members without a value for the attribute' });
    return html`<section class="panel" aria-labelledby="results-title">
      <h2 id="results-title">${msg('Answers')}</h2>
      <p>${t(msg('{answered, plural, one {# answer} other {# answers}} from {asked, plural, one {# member asked} other {# members asked}}.'), { answered: r.overall.answered, asked: r.asked })}
        <button class="btn" @click=${() => this.#download()}>${msg('Download CSV')}</button></p>
      ${
        ask.choices.length
          ? html`<admin-bar-chart class="chart" label=${msg('How many chose each answer')} .categories=${ask.choices}
              .values=${r.overall.counts}></admin-bar-chart>`
          : nothing
      }
      <fieldset class="row">
        <legend>${msg('Break down by segment')}</legend>
        ${segments.map(
          (s) => html`<label><input type="checkbox" .checked=${this.segmentIds.includes(s.id)}
            @change=${(e: Event) => this.#toggleSegment(s.id, (e.target as HTMLInputElement).checked)} /> ${s.name}</label>`,
        )}
      </fieldset>
      <form class="row" @submit=${(e: Event) => {
        e.preventDefault();
        this.attribute = this.attributeInput.trim();
      }}>
        <label for="ask-attribute">${msg('and by attribute')}</label>
        <input id="ask-attribute" placeholder="plan" .value=${this.attributeInput} @input=${(e: Event) => {
          this.attributeInput = (e.target as HTMLInputElement).value;
        }} />
        <button class="btn" type="submit">${msg('Show', { id: 'ask-attribute-show', desc: 'Button: break the answers down by this attribute' })}</button>
      </form>
      ${
        ask.choices.length
          ? html`<table class="results">
              <thead><tr><th>${msg('Who', { id: 'ask-who', desc: 'Column: a group of the members asked' })}</th><th class="number">${msg('Answered')}</th>
                ${ask.choices.map((c) => html`<th class="number">${c}</th>`)}</tr></thead>
              <tbody>
                ${this.#tallyRow(ask, r.overall, msg('Everyone who answered'))}
                ${r.bySegment.map((s) => this.#tallyRow(ask, s, s.label ?? ''))}
                ${r.byAttribute.map((a) => this.#tallyRow(ask, a, `${this.attribute}: ${a.label ?? noValue}`))}
              </tbody>
            </table>`
          : nothing
      }
      <h3>${msg('Latest answers')}</h3>
      ${
        ask.answers.length
          ? html`<ul class="plain">${ask.answers.map(
              (a) => html`<li><a href="/admin/members/${encodeURIComponent(a.member.id)}">${a.member.displayName}</a>:
                ${a.choices.map((c) => ask.choices[c]).join(', ')}${a.text ? html` · <q>${a.text}</q>` : nothing}
                <span class="muted">${dateTime(a.updatedAt, currentLocale())}</span></li>`,
            )}</ul>`
          : html`<p class="muted">${msg('No answers yet.')}</p>`
      }
    </section>`;
  }

  #followUpForm(ask: Ask) {
    if (ask.followUp) {
      return html`<p>${msg('Followed up in public:')} <a href="/admin/threads/${encodeURIComponent(ask.followUp.id)}">${ask.followUp.title}</a></p>`;
    }
    if (ask.status === 'DRAFT') return nothing;
    return html`<form class="panel" aria-labelledby="follow-up-title" @submit=${this.#followUp}>
      <h2 id="follow-up-title">${msg('Follow it up in public')}</h2>
      <p class="muted">${msg('Opens a thread in the community, posted as you, to tell everyone what you heard and what comes next.')}</p>
      <div class="row">
        <label for="follow-up-kind">${msg('Kind')}</label>
        <select id="follow-up-kind" @change=${(e: Event) => {
          this.followUpKind = (e.target as HTMLSelectElement).value as ThreadKind;
        }}>
          ${['IDEA', 'QUESTION', 'PROBLEM', 'PRAISE'].map((k) => html`<option value=${k}>${kindName(k)}</option>`)}
        </select>
        <label for="follow-up-title-input">${msg('Title', { id: 'follow-up-title', desc: 'The title of the thread to open' })}</label>
        <input id="follow-up-title-input" maxlength="140" .value=${this.followUpTitle || ask.question}
          @input=${(e: Event) => {
            this.followUpTitle = (e.target as HTMLInputElement).value;
          }} />
        <button class="btn" type="submit" ?disabled=${this.busy}>${msg('Open the thread')}</button>
      </div>
    </form>`;
  }

  override render() {
    return this.#ask.render((data) => {
      const ask = data.community?.ask;
      if (!ask) return html`<p class="muted">${msg('There is no such ask.')}</p>`;
      return html`<p><a href="/admin/asks">${msg('All asks')}</a></p>
        <h1>${ask.question}</h1>
        <p class="muted">${askStatusName(ask.status)} · ${askedOf(ask)} · ${t(msg('closes {date}'), { date: dateTime(ask.closesAt, currentLocale()) })}
          · ${ask.author.name}${ask.author.title ? `, ${ask.author.title}` : ''}</p>
        ${ask.details ? html`<p>${ask.details}</p>` : nothing}
        ${ask.choices.length ? html`<p>${ask.multiple ? msg('Several may be picked:') : msg('One may be picked:')} ${ask.choices.join(' · ')}</p>` : nothing}
        <p class="error" role="alert">${this.problem?.message ?? ''}</p>
        <div class="row">
          ${
            ask.status === 'DRAFT'
              ? html`<button class="btn primary" ?disabled=${this.busy} @click=${() => this.#act(() => mutate(this.app, PUBLISH_ASK, { id: ask.id }))}>${msg('Publish: ask them now')}</button>
                  <button class="btn" ?disabled=${this.busy} @click=${() => this.#delete()}>${msg('Delete draft')}</button>`
              : nothing
          }
          ${
            ask.status === 'OPEN'
              ? html`<button class="btn" ?disabled=${this.busy} @click=${() => this.#act(() => mutate(this.app, CLOSE_ASK, { id: ask.id }))}>${msg('Close it now')}</button>`
              : nothing
          }
        </div>
        ${ask.status === 'DRAFT' ? nothing : this.#results(ask, data.community?.segments ?? [])}
        ${this.#followUpForm(ask)}`;
    });
  }
}
