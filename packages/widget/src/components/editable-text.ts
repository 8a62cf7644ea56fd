import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { FormattedText } from '@rapport/shared/formatted-text.ts';
import { LIMITS } from '@rapport/shared/limits.ts';
import { formattedText, richText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { App } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { DELETE_REPLY, DELETE_THREAD, EDIT_REPLY, EDIT_THREAD, WITHDRAW_THREAD } from '../graphql/thread.ts';
import { postBodyLabel, postTitleLabel, replyLabel } from '../i18n/labels.ts';
import { networkError } from '../i18n/words.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

export interface EditableItem {
  id: string;
  body: string;
  /** The body as the server formatted it (a safe Markdown subset), shown when not editing. */
  bodyFormatted?: FormattedText;
  /** Threads have a title too. */
  title?: string;
  editedAt: string | null;
  viewerCanEdit?: boolean | undefined;
  /** Threads: how their author may take them down (deleting once others took part is withdrawing). */
  viewerRemoval?: 'DELETE' | 'WITHDRAW' | null | undefined;
  withdrawnAt?: string | null;
}

/**
 * The text of a thread or reply; for its author, within the edit window, with Edit and Delete. A
 * thread others took part in is withdrawn rather than deleted. Emits `rapport-edited` (detail: the
 * saved item) and `rapport-removed` (detail: its id).
 */
export class EditableText extends LitElement {
  static override properties = {
    app: { attribute: false },
    kind: { type: String },
    item: { attribute: false },
    mode: { state: true },
    draft: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    fieldStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        align-items: center;
        margin-top: 0.4em;
      }
      .actions .btn {
        min-height: 2em;
        padding: 0.2em 0.7em;
        font-size: 0.9em;
      }
    `,
  ];

  declare app: App;
  kind: 'thread' | 'reply' = 'reply';
  declare item: EditableItem;
  mode: 'view' | 'edit' | 'confirm' = 'view';
  draft = { title: '', body: '' };
  problem = '';

  #emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const thread = this.kind === 'thread';
    this.problem =
      (thread ? lengthProblem(this.draft.title, LIMITS.threadTitle, postTitleLabel()) : undefined) ??
      lengthProblem(
        this.draft.body,
        thread ? LIMITS.threadBody : LIMITS.replyBody,
        thread ? postBodyLabel() : replyLabel(),
      ) ??
      '';
    if (this.problem) return;
    const result = thread
      ? await this.app.client.mutation(EDIT_THREAD, { input: { threadId: this.item.id, ...this.draft } })
      : await this.app.client.mutation(EDIT_REPLY, { input: { replyId: this.item.id, body: this.draft.body } });
    const saved = result.data && ('editThread' in result.data ? result.data.editThread : result.data.editReply);
    if (!saved) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    this.mode = 'view';
    this.#emit('rapport-edited', saved);
  }

  /** How the author may take it down: replies are deleted; a thread as the server says. */
  get #removal(): 'DELETE' | 'WITHDRAW' | null {
    if (this.kind === 'reply') return this.item.viewerCanEdit ? 'DELETE' : null;
    return this.item.viewerRemoval ?? null;
  }

  async #withdraw(): Promise<void> {
    const result = await this.app.client.mutation(WITHDRAW_THREAD, { id: this.item.id });
    this.mode = 'view';
    const saved = result.data?.withdrawThread;
    if (!saved) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    this.#emit('rapport-edited', saved);
  }

  async #remove(): Promise<void> {
    if (this.#removal === 'WITHDRAW') return this.#withdraw();
    const thread = this.kind === 'thread';
    const variables = { id: this.item.id };
    const result = thread
      ? await this.app.client.mutation(DELETE_THREAD, variables)
      : await this.app.client.mutation(DELETE_REPLY, variables);
    if (!result.data) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      this.mode = 'view';
      return;
    }
    this.#emit('rapport-removed', this.item.id);
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    const item = this.item;
    if (this.mode === 'edit') {
      return html`<form @submit=${this.#save} novalidate>
        ${
          this.kind === 'thread'
            ? textField({
                id: 'edit-title',
                label: postTitleLabel(),
                value: this.draft.title,
                rule: LIMITS.threadTitle,
                onInput: (v) => {
                  this.draft = { ...this.draft, title: v };
                },
              })
            : nothing
        }
        ${textField({
          id: 'edit-body',
          label: this.kind === 'thread' ? postBodyLabel() : replyLabel(),
          value: this.draft.body,
          rule: this.kind === 'thread' ? LIMITS.threadBody : LIMITS.replyBody,
          multiline: true,
          error: this.problem,
          onInput: (v) => {
            this.draft = { ...this.draft, body: v };
            this.problem = '';
          },
        })}
        <div class="actions">
          <button class="btn primary">${msg('Save')}</button>
          <button type="button" class="btn" @click=${() => {
            this.mode = 'view';
          }}>${msg('Cancel')}</button>
        </div>
      </form>`;
    }
    const removal = this.#removal;
    const withdraw = removal === 'WITHDRAW';
    const body = item.withdrawnAt
      ? html`<p class="muted" part="withdrawn">${msg('Withdrawn by its author.')}</p>`
      : item.bodyFormatted
        ? formattedText(item.bodyFormatted)
        : item.body
          ? richText(item.body)
          : nothing;
    return html`${body}
      ${item.editedAt ? html`<span class="muted">(${msg('edited')})</span>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${
        this.mode === 'confirm'
          ? html`<div class="actions" role="group"><span>${withdraw ? msg('Others have taken part, so the conversation stays. Withdraw your post? Its text will no longer be shown.') : msg('Delete it for good?')}</span>
              <button class="btn" @click=${this.#remove}>${withdraw ? msg('Withdraw') : msg('Delete')}</button>
              <button class="btn" @click=${() => {
                this.mode = 'view';
              }}>${msg('Cancel')}</button></div>`
          : item.viewerCanEdit || removal
            ? html`<div class="actions">
              ${
                item.viewerCanEdit
                  ? html`<button class="btn" @click=${() => {
                      this.draft = { title: item.title ?? '', body: item.body };
                      this.mode = 'edit';
                    }}>${msg('Edit')}</button>`
                  : nothing
              }
              ${
                removal
                  ? html`<button class="btn" @click=${() => {
                      this.mode = 'confirm';
                    }}>${withdraw ? msg('Withdraw') : msg('Delete')}</button>`
                  : nothing
              }</div>`
            : nothing
      }`;
  }
}
