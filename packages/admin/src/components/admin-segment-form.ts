import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LOCALES } from '@rapport/shared/i18n/locales.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { SAVE_SEGMENT, SEGMENT_PREVIEW, type Segment } from '../documents/segments.ts';
import type { ConsentPurpose, SegmentRulesInput, SegmentStanding } from '../generated/graphql.ts';
import { t } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';

type Test = 'equals' | 'in' | 'range';
interface AttributeRow {
  key: string;
  test: Test;
  value: string;
  min: string;
  max: string;
}

/**
 * "990" is a number, "true" a boolean, anything else text, as the brand's token would say it; a
 * number written with a leading zero ("02134", a postcode) stays text.
 */
function typed(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (/^-?0\d/.test(trimmed)) return trimmed;
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

const emptyRow = (): AttributeRow => ({ key: '', test: 'equals', value: '', min: '', max: '' });

/**
 * A segment's rules as a manager writes them, with the members they take in counted live (a
 * moment after typing stops): attributes (a value, one of some values, or a range), standing in
 * the ranking, recent activity, consent and language. Saves a new segment or the one given.
 */
export class AdminSegmentForm extends LitElement {
  static override properties = {
    app: { attribute: false },
    segmentId: { attribute: false },
    name: { state: true },
    rows: { state: true },
    standing: { state: true },
    days: { state: true },
    consent: { state: true },
    locale: { state: true },
    asked: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .rule {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        align-items: end;
        margin-bottom: 0.5em;
      }
      .rule input {
        width: 9em;
      }
    `,
  ];

  declare app: AdminApp;
  segmentId: string | null = null;
  name = '';
  rows: AttributeRow[] = [emptyRow()];
  standing: SegmentStanding | '' = '';
  days = '';
  consent: ConsentPurpose | '' = '';
  locale = '';
  /** The rules last asked about (a moment after typing stops). */
  asked: SegmentRulesInput = {};
  /** Rules of a segment being changed that this form does not show (a thread, a percentile…): kept as they are. */
  #unshown: SegmentRulesInput = {};
  problem: Problem | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #preview = new QueryController(this, SEGMENT_PREVIEW, () => ({
    community: this.app.community,
    rules: this.asked,
  }));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Fills the form from saved rules (editing a segment). */
  edit(id: string, name: string, saved: Segment['rules']): void {
    this.segmentId = id;
    this.name = name;
    // Saved rules are JSON: an object of the rules given (a thread's by its own id).
    const rules = saved as Record<string, unknown>;
    const attributes = (rules.attributes as Record<string, unknown>[] | undefined) ?? [];
    this.rows = attributes.length
      ? attributes.map((a) => ({
          key: String(a.key),
          test: a.in ? 'in' : a.equals !== undefined ? 'equals' : 'range',
          value: a.in ? (a.in as unknown[]).join(', ') : a.equals !== undefined ? String(a.equals) : '',
          min: a.min !== undefined ? String(a.min) : '',
          max: a.max !== undefined ? String(a.max) : '',
        }))
      : [emptyRow()];
    this.standing = String(rules.standing ?? '') as SegmentStanding | '';
    this.days = rules.activeWithinDays ? String(rules.activeWithinDays) : '';
    const consent = rules.consent as { purpose: ConsentPurpose; granted: boolean } | undefined;
    const locales = (rules.locales as string[] | undefined) ?? [];
    this.consent = consent?.granted ? consent.purpose : '';
    this.locale = locales.length === 1 ? (locales[0] ?? '') : '';
    const { attributes: _a, standing: _s, activeWithinDays: _d, consent: _c, locales: _l, ...unshown } = rules;
    if (consent && !consent.granted) unshown.consent = consent;
    if (locales.length > 1) unshown.locales = locales;
    // A saved rule keeps the thread's own id; the API takes its global id (base64 of "Thread:<id>").
    if (unshown.thread) {
      const thread = unshown.thread as { id: string; how: string };
      unshown.thread = { threadId: btoa(`Thread:${thread.id}`), how: thread.how };
    }
    this.#unshown = unshown;
    this.#changed(0);
  }

  /** The rules of the form as it stands; rows without a key are left out. */
  rules(): SegmentRulesInput {
    const attributes = this.rows
      .filter((r) => r.key.trim())
      .map((r) => {
        const key = r.key.trim();
        if (r.test === 'in')
          return {
            key,
            in: r.value
              .split(',')
              .map(typed)
              .filter((v) => v !== ''),
          };
        if (r.test === 'range') {
          return {
            key,
            ...(r.min.trim() ? { min: Number(r.min) } : {}),
            ...(r.max.trim() ? { max: Number(r.max) } : {}),
          };
        }
        return { key, equals: typed(r.value) };
      });
    return {
      ...this.#unshown,
      ...(attributes.length ? { attributes } : {}),
      ...(this.standing ? { standing: this.standing } : {}),
      ...(this.days.trim() ? { activeWithinDays: Number(this.days) } : {}),
      ...(this.consent ? { consent: { purpose: this.consent, granted: true } } : {}),
      ...(this.locale ? { locales: [this.locale] } : {}),
    };
  }

  #changed(delay = 300): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.asked = this.rules();
    }, delay);
  }

  #row(i: number, change: Partial<AttributeRow>): void {
    this.rows = this.rows.map((r, j) => (j === i ? { ...r, ...change } : r));
    this.#changed();
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const outcome = await mutate(this.app, SAVE_SEGMENT, { id: this.segmentId, name: this.name, rules: this.rules() });
    this.problem = outcome.problem;
    if (outcome.problem) return;
    this.dispatchEvent(new CustomEvent('rapport-segment-saved', { bubbles: true, composed: true }));
    this.segmentId = null;
    this.#unshown = {};
    this.name = '';
    this.rows = [emptyRow()];
    this.standing = this.days = this.consent = this.locale = '';
    this.#changed(0);
  }

  #attributeRow(row: AttributeRow, i: number) {
    const label = (what: string) => `${what} ${i + 1}`;
    const from = msg('From', { id: 'segment-range-from', desc: 'The lowest value of a range' });
    const to = msg('To', { id: 'segment-range-to', desc: 'The highest value of a range' });
    return html`<div class="rule">
      <label>${msg('Attribute')}<br /><input aria-label=${label(msg('Attribute'))} .value=${row.key} placeholder="plan"
        @input=${(e: Event) => this.#row(i, { key: (e.target as HTMLInputElement).value })} /></label>
      <label>${msg('Test')}<br /><select aria-label=${label(msg('Test'))} .value=${row.test}
        @change=${(e: Event) => this.#row(i, { test: (e.target as HTMLSelectElement).value as Test })}>
        <option value="equals">${msg('is')}</option>
        <option value="in">${msg('is one of (commas between)')}</option>
        <option value="range">${msg('is between')}</option>
      </select></label>
      ${
        row.test === 'range'
          ? html`<label>${from}<br /><input type="number" aria-label=${label(from)} .value=${row.min}
                @input=${(e: Event) => this.#row(i, { min: (e.target as HTMLInputElement).value })} /></label>
              <label>${to}<br /><input type="number" aria-label=${label(to)} .value=${row.max}
                @input=${(e: Event) => this.#row(i, { max: (e.target as HTMLInputElement).value })} /></label>`
          : html`<label>${msg('Value')}<br /><input aria-label=${label(msg('Value'))} .value=${row.value}
                @input=${(e: Event) => this.#row(i, { value: (e.target as HTMLInputElement).value })} /></label>`
      }
    </div>`;
  }

  override render() {
    const field = (name: string) => (problemFor(this.problem, name) ? 'true' : 'false');
    return html`<form class="panel" @submit=${this.#save} novalidate aria-labelledby="segment-form-title">
      <h2 id="segment-form-title">${this.segmentId ? msg('Change the segment') : msg('New segment')}</h2>
      <div class="field"><label for="segment-name">${msg('Name')}</label>
        <input id="segment-name" .value=${this.name} maxlength="80" aria-invalid=${field('name')}
          @input=${(e: Event) => {
            this.name = (e.target as HTMLInputElement).value;
          }} /></div>
      <fieldset><legend>${msg('What the brand says about them')}</legend>
        ${this.rows.map((row, i) => this.#attributeRow(row, i))}
        <button type="button" class="btn" @click=${() => {
          this.rows = [...this.rows, emptyRow()];
        }}>${msg('Add an attribute rule')}</button>
      </fieldset>
      <div class="field"><label for="segment-standing">${msg('Standing in the ranking')}</label>
        <select id="segment-standing" .value=${this.standing} @change=${(e: Event) => {
          this.standing = (e.target as HTMLSelectElement).value as SegmentStanding | '';
          this.#changed(0);
        }}>
          <option value="">${msg('Anyone')}</option>
          <option value="AMBASSADORS">${msg('Ambassadors')}</option>
          <option value="SUGGESTED">${msg('Suggested')}</option>
          <option value="CRITICS">${msg('Critics')}</option>
        </select></div>
      <div class="field"><label for="segment-days">${msg('Took part within (days)')}</label>
        <input id="segment-days" type="number" min="1" max="3650" .value=${this.days} aria-invalid=${field('rules.activeWithinDays')}
          @input=${(e: Event) => {
            this.days = (e.target as HTMLInputElement).value;
            this.#changed();
          }} /></div>
      <div class="field"><label for="segment-consent">${msg('Agreed to')}</label>
        <select id="segment-consent" .value=${this.consent} @change=${(e: Event) => {
          this.consent = (e.target as HTMLSelectElement).value as ConsentPurpose | '';
          this.#changed(0);
        }}>
          <option value="">${msg('Anything or nothing')}</option>
          <option value="STAFF_CONTACT">${msg('Being contacted by staff')}</option>
          <option value="PRODUCT_UPDATES">${msg('Product news')}</option>
        </select></div>
      <div class="field"><label for="segment-locale">${msg('Reads')}</label>
        <select id="segment-locale" .value=${this.locale} @change=${(e: Event) => {
          this.locale = (e.target as HTMLSelectElement).value;
          this.#changed(0);
        }}>
          <option value="">${msg('Any language')}</option>
          ${LOCALES.map((l) => html`<option value=${l}>${new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l}</option>`)}
        </select></div>
      <div role="status" class="preview">${this.#preview.render((data) => {
        const preview = data.community?.segmentPreview;
        if (!preview) return nothing;
        return html`<p><strong>${t(msg('{count, plural, one {# member} other {# members}}'), { count: preview.memberCount })}</strong>
          ${preview.members.length ? html`<span class="muted">${preview.members.map((m) => m.displayName).join(', ')}${preview.memberCount > preview.members.length ? '…' : ''}</span>` : nothing}</p>`;
      })}</div>
      <p class="error" role="alert">${this.problem?.message ?? ''}</p>
      <button class="btn primary">${msg('Save segment')}</button>
    </form>`;
  }
}
