import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import type { Client } from '@urql/core';
import { css, html, LitElement } from 'lit';
import { problemOf } from '../client/errors.ts';
import { SET_PASSWORD } from '../documents/session.ts';
import { networkError } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

/** An invited staff member chooses a password with their one-time link (/admin/set-password#token=…). */
export class AdminSetPassword extends LitElement {
  static override properties = {
    client: { attribute: false },
    password: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      form {
        max-width: 24em;
        margin: 10vh auto;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 1.5em;
      }
      input {
        width: 100%;
      }
    `,
  ];

  declare client: Client;
  password = '';
  problem = '';
  busy = false;
  readonly #token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    const result = await this.client
      .mutation(SET_PASSWORD, { token: this.#token, password: this.password })
      .toPromise();
    this.busy = false;
    if (!result.data?.setStaffPassword) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    // The token is spent: take it out of the address bar and history.
    history.replaceState(null, '', '/admin');
    this.dispatchEvent(new CustomEvent('rapport-signed-in', { bubbles: true, composed: true }));
  }

  override render() {
    if (!this.#token)
      return html`<main><p class="error" role="alert">${msg('This link is incomplete. Ask a manager for a new one.')}</p></main>`;
    return html`<main><form @submit=${this.#submit} aria-labelledby="title">
      <h1 id="title">${msg('Choose your password')}</h1>
      <div class="field">
        <label for="password">${msg('Password')}</label>
        <input id="password" type="password" autocomplete="new-password" minlength="10" required .value=${this.password}
          @input=${(e: Event) => {
            this.password = (e.target as HTMLInputElement).value;
          }} aria-describedby="hint problem" aria-invalid=${this.problem ? 'true' : 'false'} />
        <span class="muted" id="hint">${msg('At least 10 characters. You will be signed in right away.')}</span>
      </div>
      <p class="error" id="problem" role="alert">${this.problem}</p>
      <button class="btn primary" ?disabled=${this.busy}>${msg('Set password and sign in')}</button>
    </form></main>`;
  }
}
