import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LOCALES } from '@rapport/shared/i18n/locales.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import {
  RETIRE_KEY,
  ROTATE_KEY,
  SET_ORIGINS,
  SETTINGS,
  type Settings,
  type SsoSecret,
  UPDATE_COMMUNITY,
} from '../documents/settings.ts';
import { currentLocale, t } from '../i18n/localize.ts';
import { autonym } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

/** The exact two lines a brand puts on its pages. */
export const embedSnippet = (origin: string, community: string) =>
  `<script type="module" src="${origin}/widget.js"></script>\n<rapport-community community="${community}" endpoint="${origin}/graphql"></rapport-community>`;

/**
 * The community's settings, for managers: its name, the sites allowed to embed the widget, the
 * SSO signing keys (a new secret is shown once), the widget's theme with a live preview, and the
 * embed code to copy, the webhooks (admin-webhooks.ts) and API keys (admin-api-keys.ts). Each
 * section saves on its own and shows its own result.
 */
export class AdminSettings extends LitElement {
  static override properties = {
    app: { attribute: false },
    name: { state: true },
    locale: { state: true },
    origins: { state: true },
    secret: { state: true },
    problems: { state: true },
    done: { state: true },
    copied: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      input,
      textarea {
        width: 100%;
      }
      pre {
        padding: 0.6em;
      }
    `,
  ];

  declare app: AdminApp;
  /** Edited values; undefined until the person changes them (the saved value shows till then). */
  name: string | undefined;
  locale: string | undefined;
  origins: string | undefined;
  secret: SsoSecret | undefined;
  problems: Record<string, Problem | undefined> = {};
  done: Record<string, string> = {};
  copied = false;

  readonly #settings = new QueryController(this, SETTINGS, () => ({ community: this.app.community }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #save(section: string, work: () => Promise<{ problem?: Problem }>, done: string): Promise<void> {
    const { problem } = await work();
    this.problems = { ...this.problems, [section]: problem };
    this.done = { ...this.done, [section]: problem ? '' : done };
    if (!problem) void this.#settings.refresh();
  }

  #nameForm(settings: Settings) {
    const problem = this.problems.name;
    return html`<form class="panel" novalidate aria-labelledby="name-title" @submit=${(e: Event) => {
      e.preventDefault();
      void this.#save(
        'name',
        () =>
          mutate(this.app, UPDATE_COMMUNITY, {
            input: { name: (this.name ?? settings.name).trim(), defaultLocale: this.locale ?? settings.defaultLocale },
          }),
        msg('Saved.'),
      );
    }}>
      <h2 id="name-title">${msg('Community name and language')}</h2>
      <div class="field"><label for="community-name">${msg('Community name')}</label>
        <input id="community-name" .value=${this.name ?? settings.name} maxlength="120" @input=${(e: Event) => {
          this.name = (e.target as HTMLInputElement).value;
        }} aria-invalid=${problem ? 'true' : 'false'} aria-describedby="name-problem" /></div>
      <p class="error" id="name-problem" role="alert">${problem?.message ?? ''}</p>
      <div class="field"><label for="community-locale">${msg('Default language')}</label>
        <select id="community-locale" aria-describedby="locale-hint" @change=${(e: Event) => {
          this.locale = (e.target as HTMLSelectElement).value;
        }}>
          ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === (this.locale ?? settings.defaultLocale)}>${autonym(l)}</option>`)}
        </select>
        <p class="muted" id="locale-hint">${msg('The widget speaks it when the page, the sign-in token and the browser ask for no language Rapport has; emails to customers who never chose one are written in it.')}</p></div>
      <button class="btn primary">${msg('Save')}</button> <span class="ok" role="status">${this.done.name ?? ''}</span>
    </form>`;
  }

  #originsForm(settings: Settings) {
    const problem = this.problems.origins;
    const value = this.origins ?? (settings.allowedOrigins ?? []).join('\n');
    return html`<form class="panel" novalidate aria-labelledby="origins-title" @submit=${(e: Event) => {
      e.preventDefault();
      const lines = (this.origins ?? (settings.allowedOrigins ?? []).join('\n')).split('\n');
      const origins = lines.map((line) => line.trim()).filter(Boolean);
      void this.#save('origins', () => mutate(this.app, SET_ORIGINS, { origins }), msg('Saved.'));
    }}>
      <h2 id="origins-title">${msg('Sites allowed to embed the widget')}</h2>
      <div class="field"><label for="origins">${msg('Sites allowed to embed the widget')}</label>
        <textarea id="origins" rows="4" .value=${value} @input=${(e: Event) => {
          this.origins = (e.target as HTMLTextAreaElement).value;
        }} aria-invalid=${problem ? 'true' : 'false'} aria-describedby="origins-hint origins-problem"></textarea>
        <span class="muted" id="origins-hint">${msg('One origin per line, e.g. https://www.example.com')}</span></div>
      <p class="error" id="origins-problem" role="alert">${problem?.message ?? ''}</p>
      <button class="btn primary">${msg('Save')}</button> <span class="ok" role="status">${this.done.origins ?? ''}</span>
    </form>`;
  }

  async #rotate(): Promise<void> {
    const outcome = await mutate(this.app, ROTATE_KEY, {});
    this.problems = { ...this.problems, keys: outcome.problem };
    if (outcome.data) {
      this.secret = outcome.data.rotateSsoKey;
      void this.#settings.refresh();
    }
  }

  #keys(settings: Settings) {
    return html`<section class="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">${msg('Sign-in keys (SSO)')}</h2>
      <p class="muted">${msg('Your website signs customer tokens with a key. Rotate to get a new one; retire the old one when your site uses the new one.')}</p>
      <ul class="plain">${(settings.ssoKeys ?? []).map(
        (key) => html`<li class="row"><code>${key.keyId}</code>
          <span class="muted">${timeAgo(key.createdAt, Date.now(), currentLocale())}</span>
          <button class="btn" aria-label=${t(msg('Retire key {keyId}'), { keyId: key.keyId })} @click=${() =>
            this.#save(
              'keys',
              () => mutate(this.app, RETIRE_KEY, { keyId: key.keyId }),
              t(msg('Key {keyId} is retired: tokens signed with it no longer work.'), { keyId: key.keyId }),
            )}>${msg('Retire')}</button></li>`,
      )}</ul>
      <p><button class="btn" @click=${this.#rotate}>${msg('Create a new key')}</button></p>
      ${
        this.secret
          ? html`<div role="status"><p>${msg('The new secret, shown only this once:')}</p>
              <p>${msg('Key id')}: <code>${this.secret.keyId}</code></p>
              <p>${msg('Secret')}: <code class="secret">${this.secret.secret}</code></p></div>`
          : nothing
      }
      <p class="error" role="alert">${this.problems.keys?.message ?? ''}</p>
      <p class="ok" role="status">${this.done.keys ?? ''}</p>
    </section>`;
  }

  #embed() {
    const snippet = embedSnippet(location.origin, this.app.community);
    return html`<section class="panel" aria-labelledby="embed-title">
      <h2 id="embed-title">${msg('Embed code')}</h2>
      <p class="muted">${msg('Put these two lines on any page of your site:')}</p>
      <pre><code class="snippet">${snippet}</code></pre>
      <button class="btn" @click=${async () => {
        await navigator.clipboard?.writeText(snippet).catch(() => undefined);
        this.copied = true;
      }}>${this.copied ? msg('Copied') : msg('Copy')}</button>
    </section>`;
  }

  override render() {
    return html`<h1>${msg('Settings')}</h1>
      ${this.#settings.render((data) => {
        const settings = data.community;
        if (!settings) return nothing;
        return html`${this.#nameForm(settings)} ${this.#originsForm(settings)} ${this.#keys(settings)}
          <admin-theme-editor .app=${this.app} .saved=${settings.theme}></admin-theme-editor>
          ${this.#embed()}
          <admin-outreach .app=${this.app}></admin-outreach>
          <admin-webhooks .app=${this.app}></admin-webhooks>
          <admin-api-keys .app=${this.app}></admin-api-keys>`;
      })}`;
  }
}
