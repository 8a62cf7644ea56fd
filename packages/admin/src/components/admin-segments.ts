import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { DELETE_SEGMENT, SEGMENTS, type Segment } from '../documents/segments.ts';
import { t } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';
import type { AdminSegmentForm } from './admin-segment-form.ts';

/**
 * The community's segments: each with how many members it takes in now and the first of them.
 * Managers make, change and remove them (admin-segment-form.ts); other staff read them.
 */
export class AdminSegments extends LitElement {
  static override properties = { app: { attribute: false }, problem: { state: true } };

  static override styles = [
    theme,
    adminStyles,
    css`
      .segment {
        border-top: 1px solid var(--_border);
        padding-top: 0.6em;
        margin-top: 0.6em;
      }
    `,
  ];

  declare app: AdminApp;
  problem: Problem | undefined;

  readonly #segments = new QueryController(this, SEGMENTS, () => ({ community: this.app.community }));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  async #remove(segment: Segment): Promise<void> {
    const outcome = await mutate(this.app, DELETE_SEGMENT, { id: segment.id });
    this.problem = outcome.problem;
    void this.#segments.refresh();
  }

  #edit(segment: Segment): void {
    const form = this.renderRoot.querySelector<AdminSegmentForm>('admin-segment-form');
    form?.edit(segment.id, segment.name, segment.rules);
    form?.scrollIntoView({ block: 'start' });
  }

  #segment(s: Segment) {
    const manager = this.app.isManager;
    return html`<section class="segment" aria-label=${s.name}>
      <h3>${s.name}</h3>
      <p><strong>${t(msg('{count, plural, one {# member} other {# members}}'), { count: s.memberCount })}</strong>
        ${s.members.length ? html`<span class="muted">${s.members.map((m, i) => html`${i ? ', ' : ''}<a href="/admin/members/${encodeURIComponent(m.id)}">${m.displayName}</a>`)}</span>` : nothing}</p>
      ${
        manager
          ? html`<span class="row">
              <button class="btn" aria-label=${t(msg('Change “{name}”'), { name: s.name })} @click=${() => this.#edit(s)}>${msg('Change', { id: 'segment-change', desc: 'Button: change a segment' })}</button>
              <button class="btn" aria-label=${t(msg('Remove “{name}”'), { name: s.name })} @click=${() => this.#remove(s)}>${msg('Remove')}</button>
            </span>`
          : nothing
      }
    </section>`;
  }

  override render() {
    return html`<h1>${msg('Segments')}</h1>
      <p class="muted">${msg('Groups of your customers by what you know of them: who they are, how they take part, what they agreed to. Counted as of now, every time.')}</p>
      <section class="panel" aria-labelledby="segments-title">
        <h2 id="segments-title">${msg('Saved segments')}</h2>
        <p class="error" role="alert">${this.problem?.message ?? ''}</p>
        ${this.#segments.render((data) => {
          const segments = data.community?.segments ?? [];
          return segments.length
            ? segments.map((s) => this.#segment(s))
            : html`<p class="muted">${msg('No segments yet.')}</p>`;
        })}
      </section>
      ${
        this.app.isManager
          ? html`<admin-segment-form .app=${this.app} @rapport-segment-saved=${() => this.#segments.refresh()}></admin-segment-form>`
          : nothing
      }`;
  }
}
