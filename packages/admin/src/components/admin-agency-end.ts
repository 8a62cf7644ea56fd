import { theme } from '@rapport/shared/ui/theme.ts';
import { html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { END_AGENCY } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

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

  async #end(event: Event): Promise<void> {
    event.preventDefault();
    if (this.successors.length === 0) {
      this.problem = { message: strings.chooseSuccessor, field: 'successorIds' };
      return;
    }
    this.busy = true;
    const outcome = await mutate(this.app, END_AGENCY, { agency: this.agency, successors: this.successors });
    this.busy = false;
    if (outcome.problem) {
      this.problem = outcome.problem;
      return;
    }
    const ended = outcome.data.endAgency as {
      staff: { name: string };
      handovers: { id: string; to: { name: string } }[];
    }[];
    this.handovers = ended.flatMap((d) => d.handovers.map((h) => ({ id: h.id, to: `${d.staff.name} → ${h.to.name}` })));
    this.open = false;
    this.problem = undefined;
    this.done = strings.agencyEnded(
      this.agency,
      ended.map((d) => d.staff.name),
    );
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
  }

  override render() {
    const s = strings;
    return html`<section class="panel" aria-label=${s.agencyLabel(this.agency)}>
      <h3>${this.agency}</h3>
      <p class="muted">${s.agencyAccounts(this.accounts)}</p>
      ${
        this.open
          ? html`<form @submit=${this.#end} novalidate aria-label=${s.endAgencyLabel(this.agency)}>
              <fieldset class="field" aria-invalid=${this.problem?.field === 'successorIds' ? 'true' : 'false'}
                aria-describedby="agency-problem">
                <legend>${s.successor}</legend>
                <p class="muted">${s.agencySuccessorHint}</p>
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
                <button class="btn primary" ?disabled=${this.busy}>${s.endAgencyConfirm(this.agency)}</button>
                <button class="btn" type="button" @click=${() => {
                  this.open = false;
                }}>${s.cancel}</button>
              </span>
            </form>`
          : this.accounts > 0
            ? html`<button class="btn" aria-expanded="false" @click=${() => {
                this.open = true;
              }}>${s.endAgency(this.agency)}</button>`
            : nothing
      }
      <p class="ok" role="status">${this.done}</p>
      ${this.handovers.map(
        (h) => html`<p><a href="/admin/handovers/${encodeURIComponent(h.id)}">${s.readBriefOf(h.to)}</a></p>`,
      )}
    </section>`;
  }
}
