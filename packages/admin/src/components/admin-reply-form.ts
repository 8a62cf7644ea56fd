import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { IdempotencyKey } from '@rapport/shared/client/retry-policy.ts';
import { LIMITS } from '@rapport/shared/limits.ts';
import { authorStyles } from '@rapport/shared/ui/author.ts';
import { richText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { mutate } from '../client/mutate.ts';
import { REPLY } from '../documents/thread.ts';
import { adminStyles } from '../styles.ts';
import { adminAuthorLine, viewerAsAuthor } from './author.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

/**
 * Staff reply as themselves. Beside the text, a preview of the reply as customers will see it in
 * the widget: the staff member's picture, name, title and badge, and the text with its links.
 * Sends `rapport-replied` when the server has it.
 */
export class AdminReplyForm extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    body: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    fieldStyles,
    authorStyles,
    css`
      .preview {
        display: grid;
        gap: 0.5em;
        border-style: dashed;
      }
    `,
  ];

  declare app: AdminApp;
  declare threadId: string;
  body = '';
  problem = '';
  busy = false;
  readonly #key = new IdempotencyKey();

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const local = lengthProblem(this.body, LIMITS.replyBody, msg('Your reply'));
    if (local) {
      this.problem = local;
      return;
    }
    this.busy = true;
    const input = { threadId: this.threadId, body: this.body };
    const outcome = await mutate(this.app, REPLY, { input: { ...input, idempotencyKey: this.#key.for(input) } });
    this.busy = false;
    if (outcome.problem) {
      this.problem = outcome.problem.message;
      return;
    }
    this.#key.sent();
    this.body = '';
    this.problem = '';
    this.dispatchEvent(new CustomEvent('rapport-replied', { bubbles: true, composed: true }));
  }

  override render() {
    const { viewer, brand } = this.app;
    return html`<form @submit=${this.#submit} novalidate aria-label=${msg('Reply as yourself')}>
      <h2>${msg('Reply as yourself')}</h2>
      ${textField({
        id: 'reply',
        label: msg('Your reply'),
        value: this.body,
        rule: LIMITS.replyBody,
        multiline: true,
        error: this.problem,
        onInput: (value) => {
          this.body = value;
          this.problem = '';
        },
      })}
      ${
        this.body.trim()
          ? html`<section class="panel preview" aria-label=${msg('How customers will see it')}>
              <span class="muted">${msg('How customers will see it')}</span>
              ${adminAuthorLine(viewerAsAuthor(viewer), brand, new Date().toISOString())}
              ${richText(this.body)}
            </section>`
          : nothing
      }
      <button class="btn primary" ?disabled=${this.busy}>${msg('Send reply')}</button>
    </form>`;
  }
}
