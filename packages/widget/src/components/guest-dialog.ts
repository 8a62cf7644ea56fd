import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import type { App } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { storedVisitorId } from '../client/visitor.ts';
import { START_GUEST } from '../graphql/guest.ts';
import { networkError } from '../i18n/words.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

/**
 * Asks a visitor who is not signed in by the brand for the name others will see, and starts a
 * guest session. `ask()` resolves true once they have one, false if they close the dialog.
 */
export class GuestDialog extends LitElement {
  static override properties = {
    app: { attribute: false },
    name: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    fieldStyles,
    css`
      dialog {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        max-width: min(28em, calc(100vw - 2em));
        padding: calc(var(--_space) * 1.5);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      h2 {
        margin: 0 0 0.4em;
        font-size: 1.15em;
      }
      .actions {
        display: flex;
        gap: 0.5em;
        justify-content: flex-end;
      }
    `,
  ];

  declare app: App;
  name = '';
  problem = '';
  busy = false;
  #resolve: ((joined: boolean) => void) | undefined;

  ask(): Promise<boolean> {
    this.renderRoot.querySelector('dialog')?.showModal();
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  #finish(joined: boolean): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.#resolve?.(joined);
    this.#resolve = undefined;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    this.problem = lengthProblem(this.name, LIMITS.displayName, msg('Your name')) ?? '';
    if (this.problem || this.busy) return;
    this.busy = true;
    const result = await this.app.client.mutation(START_GUEST, {
      community: this.app.community,
      name: this.name,
      browser: storedVisitorId(),
    });
    this.busy = false;
    const token = result.data?.startGuestSession?.token;
    if (!token) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    this.app.session.setGuest(token);
    this.#finish(true);
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<dialog aria-labelledby="join-title" @close=${() => this.#finish(false)}>
      <form @submit=${this.#submit} novalidate>
        <h2 id="join-title">${msg('Join the conversation')}</h2>
        <p class="muted">${msg('Choose the name others will see next to your posts. No account or password needed.')}</p>
        ${textField({
          id: 'name',
          label: msg('Your name'),
          value: this.name,
          rule: LIMITS.displayName,
          error: this.problem,
          onInput: (value) => {
            this.name = value;
            this.problem = '';
          },
        })}
        <div class="actions">
          <button type="button" class="btn" @click=${() => this.#finish(false)}>${msg('Cancel')}</button>
          <button class="btn primary" ?disabled=${this.busy}>${msg('Continue')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
