import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { IdempotencyKey } from '@rapport/shared/client/retry-policy.ts';
import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import type { ThreadKind } from '../graphql/documents.ts';
import { POST_THREAD } from '../graphql/post.ts';
import { postBodyLabel, postTitleLabel } from '../i18n/labels.ts';
import { kindNames, networkError } from '../i18n/words.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

/**
 * Post an idea, question, praise or problem; on success the new thread opens. As it is written,
 * threads that may already be it are offered (rapport-similar-threads, in the same chunk).
 */
export class PostForm extends LitElement {
  static override properties = {
    app: { attribute: false },
    kind: { state: true },
    titleText: { state: true },
    body: { state: true },
    errors: { state: true },
    busy: { state: true },
    existing: { state: true },
  };

  static override styles = [
    theme,
    fieldStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space);
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      .kind {
        display: inline-flex;
        gap: 0.3em;
        align-items: center;
        padding: 0.35em 0.7em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .actions {
        display: flex;
        gap: 0.5em;
      }
    `,
  ];

  declare app: App;
  kind: ThreadKind = 'IDEA';
  titleText = '';
  body = '';
  errors: Record<string, string> = {};
  busy = false;
  /** The earlier post this one would duplicate, to open instead. */
  existing = '';
  readonly #key = new IdempotencyKey();

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const title = lengthProblem(this.titleText, LIMITS.threadTitle, postTitleLabel());
    const body = lengthProblem(this.body, LIMITS.threadBody, postBodyLabel());
    if (title) errors.title = title;
    if (body) errors.body = body;
    this.errors = errors;
    if (title || body || this.busy || !(await this.app.ensureSession())) return;
    this.busy = true;
    const input = { kind: this.kind, title: this.titleText, body: this.body || null };
    const result = await this.app.client.mutation(POST_THREAD, {
      input: { ...input, idempotencyKey: this.#key.for(input) },
    });
    this.busy = false;
    const id = result.data?.postThread?.id;
    if (!id) {
      const problem = problemOf(result.error);
      this.errors = { [problem?.field ?? 'form']: problem?.message ?? networkError() };
      this.existing = problem?.existingId ?? '';
      return;
    }
    this.#key.sent();
    this.titleText = '';
    this.body = '';
    this.dispatchEvent(new CustomEvent('rapport-posted', { bubbles: true, composed: true }));
    this.dispatchEvent(new NavigateEvent({ name: 'thread', id }));
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    const kinds = kindNames();
    return html`<form part="form" @submit=${this.#submit} novalidate>
      <fieldset>
        <legend>${msg('What is it?')}</legend>
        ${(Object.keys(kinds) as ThreadKind[]).map(
          (
            kind,
          ) => html`<label class="kind"><input type="radio" name="kind" value=${kind} .checked=${this.kind === kind}
            @change=${() => {
              this.kind = kind;
            }} />${kinds[kind]}</label>`,
        )}
      </fieldset>
      ${textField({
        id: 'title',
        label: postTitleLabel(),
        value: this.titleText,
        rule: LIMITS.threadTitle,
        error: this.errors.title,
        onInput: (value) => {
          this.titleText = value;
          this.errors = { ...this.errors, title: '' };
          this.existing = '';
        },
      })}
      ${
        this.existing
          ? html`<p><button type="button" class="btn" part="button"
              @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'thread', id: this.existing }))}>${msg('Open your earlier post')}</button></p>`
          : ''
      }
      <rapport-similar-threads .app=${this.app} .titleText=${this.titleText} .body=${this.body}></rapport-similar-threads>
      ${textField({
        id: 'body',
        label: postBodyLabel(),
        value: this.body,
        rule: LIMITS.threadBody,
        multiline: true,
        error: this.errors.body,
        onInput: (value) => {
          this.body = value;
          this.errors = { ...this.errors, body: '' };
        },
      })}
      ${this.errors.form || this.errors.kind ? html`<p class="error" role="alert">${this.errors.form || this.errors.kind}</p>` : ''}
      <div class="actions">
        <button class="btn primary" part="button" ?disabled=${this.busy}>${msg('Post', { desc: 'Button: publish the new post' })}</button>
        <button type="button" class="btn" part="button" @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'list' }))}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }
}
