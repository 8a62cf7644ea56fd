import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { END_AGENCY } from '../documents/staff.ts';
import { listOf, t } from '../i18n/localize.ts';
import { onwards } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';
import { chooseSuccessor, readBriefOf } from './admin-staff-member.ts';

/**
 * Ends an agency's work for the brand, for managers: every active account of that agency is
 * deactivated at once, its work handed over to the chosen successors (never of that agency), each
 * with a brief. Sends `rapport-changed` when done.
 */
export class AdminAgencyEnd extends LitElement {
  static override properties = {
    app: { attribute: false },
    agency: { attribute: false },
    accounts: { attribute: false },
    candidates: { attribute: false },
    open: { state: true },
    successors: { state: true },
    problem: { state: true },
    done: { state: true },
    handovers: { state: true },
    busy: { state: true },
  };

  static override styles = [theme, adminStyles];

  declare app: AdminApp;
  declare agency: string;
  /** How many active accounts the agency has. */
  accounts = 0;
  /** Who may take over: active staff of the brand (not of this agency). */
  candidates: { id: string; name: string }[] = [];
  open = false;
  successors: string[] = [];
  problem: Problem | undefined;
  done = '';
  handovers: { id: string; to: string }[] = [];
  busy = false;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #end(event: Event): Promise<void> {
    event.preventDefault();
    if (this.successors.length === 0) {
      this.problem = { message: chooseSuccessor(), field: 'successorIds' };
      return;
    }
    this.busy = true;
    const outcome = await mutate(this.app, END_AGENCY, { agency: this.agency, successors: this.successors });
    this.busy = false;
    if (outcome.problem) {
      this.problem = outcome.problem;
      return;
    }
    const ended = outcome.data.endAgency;
    this.handovers = ended.flatMap((d) =>
      d.handovers.map((h) => ({ id: h.id, to: `${d.staff.name} ${onwards()} ${h.to.name}` })),
    );
    this.open = false;
    this.problem = undefined;
    const names = ended.map((d) => d.staff.name);
    this.done = t(
      msg('{agency}’s work has ended: {names} {count, plural, one {is} other {are}} deactivated and handed over.'),
      { agency: this.agency, names: listOf(names), count: names.length },
    );
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
  }

  override render() {
    const agency = this.agency;
    return html`<section class="panel" aria-label=${t(msg('Agency {agency}'), { agency })}>
      <h3>${agency}</h3>
      <p class="muted">${t(msg('{count, plural, one {# active account} other {# active accounts}}'), { count: this.accounts })}</p>
      ${
        this.open
          ? html`<form @submit=${this.#end} novalidate aria-label=${t(msg('End the work of {agency}'), { agency })}>
              <fieldset class="field" aria-invalid=${this.problem?.field === 'successorIds' ? 'true' : 'false'}
                aria-describedby="agency-problem">
                <legend>${msg('Who takes over their work?')}</legend>
                <p class="muted">${msg('Their open threads, followed threads and customers go to the people you tick (none of that agency), shared out in turn.')}</p>
                ${this.candidates.map(
                  (c) => html`<label class="row"><input type="checkbox" .checked=${this.successors.includes(c.id)}
                    @change=${(e: Event) => {
                      const chosen = (e.target as HTMLInputElement).checked;
                      this.successors = chosen ? [...this.successors, c.id] : this.successors.filter((x) => x !== c.id);
                    }} /> ${c.name}</label>`,
                )}
              </fieldset>
              <p class="error" id="agency-problem" role="alert">${this.problem?.message ?? ''}</p>
              <span class="row">
                <button class="btn primary" ?disabled=${this.busy}>${t(msg('Deactivate every {agency} account and hand over'), { agency })}</button>
                <button class="btn" type="button" @click=${() => {
                  this.open = false;
                }}>${msg('Cancel')}</button>
              </span>
            </form>`
          : this.accounts > 0
            ? html`<button class="btn" aria-expanded="false" @click=${() => {
                this.open = true;
              }}>${t(msg('End {agency}’s work'), { agency })}</button>`
            : nothing
      }
      <p class="ok" role="status">${this.done}</p>
      ${this.handovers.map(
        (h) => html`<p><a href="/admin/handovers/${encodeURIComponent(h.id)}">${readBriefOf(h.to)}</a></p>`,
      )}
    </section>`;
  }
}
