import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { mutate } from '../client/mutate.ts';
import { DELETE_REPLY, EDIT_REPLY } from '../documents/thread.ts';
import { adminStyles } from '../styles.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

/**
 * Edit and Delete on a reply the staff member sent themselves, while the API allows it (30
 * minutes): the same rights customers have in the widget. Sends `rapport-changed` when done.
 */
export class AdminOwnReply extends LitElement {
  static override properties = {
    app: { attribute: false },
    replyId: { attribute: false },
    body: { attribute: false },
    mode: { state: true },
    draft: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [theme, adminStyles, fieldStyles];

  declare app: AdminApp;
  declare replyId: string;
  declare body: string;
  mode: 'view' | 'edit' | 'confirm' = 'view';
  draft = '';
  problem = '';
  busy = false;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #changed(): void {
    this.mode = 'view';
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    this.problem = lengthProblem(this.draft, LIMITS.replyBody, msg('Your reply')) ?? '';
    if (this.problem) return;
    this.busy = true;
    const outcome = await mutate(this.app, EDIT_REPLY, { input: { replyId: this.replyId, body: this.draft } });
    this.busy = false;
    if (outcome.problem) this.problem = outcome.problem.message;
    else this.#changed();
  }

  async #delete(): Promise<void> {
    this.busy = true;
    const outcome = await mutate(this.app, DELETE_REPLY, { id: this.replyId });
    this.busy = false;
    if (outcome.problem) {
      this.problem = outcome.problem.message;
      this.mode = 'view';
    } else this.#changed();
  }

  override render() {
    if (this.mode === 'edit') {
      return html`<form @submit=${this.#save} novalidate aria-label=${msg('Edit')}>
        ${textField({
          id: 'own-reply',
          label: msg('Your reply'),
          value: this.draft,
          rule: LIMITS.replyBody,
          multiline: true,
          error: this.problem,
          onInput: (v) => {
            this.draft = v;
            this.problem = '';
          },
        })}
        <span class="row">
          <button class="btn primary" ?disabled=${this.busy}>${msg('Save')}</button>
          <button class="btn" type="button" @click=${() => {
            this.mode = 'view';
          }}>${msg('Cancel')}</button>
        </span>
      </form>`;
    }
    if (this.mode === 'confirm') {
      return html`<span class="row" role="group"><span>${msg('Delete your reply for everyone?')}</span>
        <button class="btn" ?disabled=${this.busy} @click=${this.#delete}>${msg('Delete')}</button>
        <button class="btn" @click=${() => {
          this.mode = 'view';
        }}>${msg('Cancel')}</button></span>`;
    }
    return html`<span class="row">
      <button class="btn" @click=${() => {
        this.draft = this.body;
        this.problem = '';
        this.mode = 'edit';
      }}>${msg('Edit')}</button>
      <button class="btn" @click=${() => {
        this.mode = 'confirm';
      }}>${msg('Delete')}</button>
      ${this.problem ? html`<span class="error" role="alert">${this.problem}</span>` : nothing}
    </span>`;
  }
}
