import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { Problem } from '../client/errors.ts';
import { adminStyles } from '../styles.ts';

/**
 * A button for an action that needs a reason (hide, suspend): it opens a small inline form, asks
 * why (and, where the action has one, a yes-or-no choice), runs the action, and shows the server's answer beside the reason if it refuses. The reason
 * ends up in the audit log.
 */
export class AdminReasonAction extends LitElement {
  static override properties = {
    label: { type: String },
    /** What the confirm button says; defaults to the label. */
    confirmLabel: { type: String, attribute: 'confirm-label' },
    /** A choice to go with the reason (a checkbox), e.g. hiding a suspended member's posts. */
    optionLabel: { type: String, attribute: 'option-label' },
    /** Runs the action; resolves with the problem to show, or undefined when it worked. */
    action: { attribute: false },
    open: { state: true },
    reason: { state: true },
    option: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: inline-block;
        font-size: inherit;
      }
      form {
        display: grid;
        gap: 0.4em;
        min-width: min(22em, 80vw);
      }
    `,
  ];

  label = '';
  confirmLabel = '';
  optionLabel = '';
  declare action: (reason: string, option: boolean) => Promise<Problem | undefined>;
  open = false;
  reason = '';
  option = false;
  problem: Problem | undefined;
  busy = false;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    this.problem = await this.action(this.reason.trim(), this.option);
    this.busy = false;
    if (!this.problem) {
      this.open = false;
      this.reason = '';
      this.option = false;
    }
  }

  async #toggle(open: boolean): Promise<void> {
    this.open = open;
    this.problem = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(open ? 'input' : 'button')?.focus();
  }

  override render() {
    if (!this.open) return html`<button class="btn" @click=${() => this.#toggle(true)}>${this.label}</button>`;
    return html`<form class="panel" @submit=${this.#submit} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#toggle(false)}>
      <label for="reason">${msg('Reason')}</label>
      <input id="reason" required minlength="3" maxlength="500" .value=${this.reason}
        @input=${(e: Event) => {
          this.reason = (e.target as HTMLInputElement).value;
        }}
        aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="problem" />
      ${
        this.optionLabel
          ? html`<label class="check"><input type="checkbox" .checked=${this.option}
              @change=${(e: Event) => {
                this.option = (e.target as HTMLInputElement).checked;
              }} /> ${this.optionLabel}</label>`
          : nothing
      }
      <p class="error" id="problem" role="alert">${this.problem?.message ?? nothing}</p>
      <span class="row">
        <button class="btn primary" ?disabled=${this.busy}>${this.confirmLabel || this.label}</button>
        <button class="btn" type="button" @click=${() => this.#toggle(false)}>${msg('Cancel')}</button>
      </span>
    </form>`;
  }
}
