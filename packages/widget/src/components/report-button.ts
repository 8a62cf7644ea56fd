import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import type { App } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { REPORT } from '../graphql/thread.ts';
import { networkError } from '../i18n/words.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

/**
 * "Report": flags a thread or one of its replies for the community's moderators, with a reason.
 * A small button that opens a small form in place; the visitor joins first if they have not.
 */
export class ReportButton extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    replyId: { attribute: false },
    open: { state: true },
    reason: { state: true },
    problem: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    fieldStyles,
    css`
      :host {
        display: inline-block;
      }
      .link {
        background: none;
        border: 0;
        padding: 0.2em 0;
        color: var(--_muted);
        font-size: 0.85em;
        text-decoration: underline;
        cursor: pointer;
      }
      form {
        margin-top: 0.4em;
        min-width: min(20em, 80vw);
      }
      .actions {
        display: flex;
        gap: 0.5em;
      }
    `,
  ];

  declare app: App;
  declare threadId: string;
  replyId: string | null = null;
  open = false;
  reason = '';
  problem = '';
  done = false;
  busy = false;

  async #toggle(open: boolean): Promise<void> {
    this.open = open;
    this.problem = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(open ? 'input' : 'button')?.focus();
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const local = lengthProblem(this.reason, LIMITS.reason, msg('What is wrong with it?'));
    if (local) {
      this.problem = local;
      return;
    }
    if (this.busy || !(await this.app.ensureSession())) return;
    this.busy = true;
    const input = { threadId: this.threadId, replyId: this.replyId, reason: this.reason.trim() };
    const result = await this.app.client.mutation(REPORT, { input });
    this.busy = false;
    if (!result.data?.reportContent) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    this.open = false;
    this.done = true;
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    const what = this.replyId ? msg('Report this reply to the moderators') : msg('Report this post to the moderators');
    if (this.done)
      return html`<span class="muted" role="status">${msg('Thanks: the moderators will look at it.')}</span>`;
    if (!this.open) {
      return html`<button class="link" part="report" aria-label=${what} @click=${() => this.#toggle(true)}>${msg('Report')}</button>`;
    }
    return html`<form part="form" novalidate aria-label=${what} @submit=${this.#submit}
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#toggle(false)}>
      ${textField({
        id: 'reason',
        label: msg('What is wrong with it?'),
        value: this.reason,
        rule: LIMITS.reason,
        error: this.problem,
        onInput: (value) => {
          this.reason = value;
          this.problem = '';
        },
      })}
      <div class="actions">
        <button class="btn primary" part="button" ?disabled=${this.busy}>${msg('Send report')}</button>
        <button class="btn" part="button" type="button" @click=${() => this.#toggle(false)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }
}
