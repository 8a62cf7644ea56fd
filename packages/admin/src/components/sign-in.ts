import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import type { Client } from '@urql/core';
import { css, html, LitElement } from 'lit';
import { problemOf } from '../client/errors.ts';
import { SIGN_IN } from '../documents/session.ts';
import { networkError } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

const LAST_COMMUNITY = 'rapport:admin:community';

/** Staff sign in with e-mail and password; the session lives in an httpOnly cookie. */
export class AdminSignIn extends LitElement {
  static override properties = {
    client: { attribute: false },
    community: { state: true },
    email: { state: true },
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
  community = new URLSearchParams(location.search).get('community') ?? localStorage.getItem(LAST_COMMUNITY) ?? '';
  email = '';
  password = '';
  problem = '';
  busy = false;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    const result = await this.client
      .mutation(SIGN_IN, { community: this.community.trim(), email: this.email, password: this.password })
      .toPromise();
    this.busy = false;
    if (!result.data?.staffSignIn) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    localStorage.setItem(LAST_COMMUNITY, this.community.trim());
    this.dispatchEvent(new CustomEvent('rapport-signed-in', { bubbles: true, composed: true }));
  }

  override render() {
    const set = (key: 'community' | 'email' | 'password') => (e: Event) => {
      this[key] = (e.target as HTMLInputElement).value;
    };
    return html`<main><form @submit=${this.#submit} aria-labelledby="title">
      <h1 id="title">${msg('Sign in to your community')}</h1>
      <div class="field">
        <label for="community">${msg('Community')}</label>
        <input id="community" autocomplete="organization" required .value=${this.community} @input=${set('community')}
          aria-describedby="community-hint" />
        <span class="muted" id="community-hint">${msg('The short name in your community’s address, e.g. “demo”.')}</span>
      </div>
      <div class="field">
        <label for="email">${msg('E-mail')}</label>
        <input id="email" type="email" autocomplete="username" required .value=${this.email} @input=${set('email')} />
      </div>
      <div class="field">
        <label for="password">${msg('Password')}</label>
        <input id="password" type="password" autocomplete="current-password" required .value=${this.password} @input=${set('password')}
          aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="problem" />
      </div>
      <p class="error" id="problem" role="alert">${this.problem}</p>
      <button class="btn primary" ?disabled=${this.busy}>${msg('Sign in')}</button>
    </form></main>`;
  }
}
