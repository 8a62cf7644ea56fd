import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { IdempotencyKey } from '@rapport/shared/client/retry-policy.ts';
import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import type { App } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { REPLY_TO } from '../graphql/thread.ts';
import { replyLabel } from '../i18n/labels.ts';
import { networkError } from '../i18n/words.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

/** Write a reply; the thread view appends what the server saved (`rapport-replied`). */
export class ReplyForm extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    body: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [theme, fieldStyles, css`form { margin-top: var(--_space); }`];

  declare app: App;
  declare threadId: string;
  body = '';
  problem = '';
  busy = false;
  readonly #key = new IdempotencyKey();

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const local = lengthProblem(this.body, LIMITS.replyBody, replyLabel());
    if (local) {
      this.problem = local;
      return;
    }
    if (this.busy || !(await this.app.ensureSession())) return;
    this.busy = true;
    const input = { threadId: this.threadId, body: this.body };
    const result = await this.app.client.mutation(REPLY_TO, {
      input: { ...input, idempotencyKey: this.#key.for(input) },
    });
    this.busy = false;
    if (!result.data?.reply) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    this.#key.sent();
    this.body = '';
    this.problem = '';
    // The button was disabled while sending, which drops focus to the page: back to the text box,
    // ready for the next reply.
    await this.updateComplete;
    this.renderRoot.querySelector('textarea')?.focus();
    this.dispatchEvent(
      new CustomEvent('rapport-replied', { detail: result.data.reply, bubbles: true, composed: true }),
    );
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<form part="form" @submit=${this.#submit} novalidate>
      ${textField({
        id: 'reply',
        label: replyLabel(),
        value: this.body,
        rule: LIMITS.replyBody,
        multiline: true,
        error: this.problem,
        onInput: (value) => {
          this.body = value;
          this.problem = '';
        },
      })}
      <button class="btn primary" part="button" ?disabled=${this.busy}>${msg('Reply', { desc: 'Button: send the reply' })}</button>
    </form>`;
  }
}
