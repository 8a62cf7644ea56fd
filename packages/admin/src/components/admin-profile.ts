import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LOCALES } from '@rapport/shared/i18n/locales.ts';
import { authorStyles } from '@rapport/shared/ui/author.ts';
import { richText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import type { AdminApp, StaffViewer } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { UPDATE_PROFILE } from '../documents/session.ts';
import { autonym } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';
import { adminAuthorLine, viewerAsAuthor } from './author.ts';

type Editable = Pick<StaffViewer, 'name' | 'title' | 'avatarUrl'>;

/**
 * The staff member's own profile: name, title and picture, with the author line customers see on
 * their replies, as it will look once saved. Sends `rapport-profile-changed` after saving.
 */
export class AdminProfile extends LitElement {
  static override properties = {
    app: { attribute: false },
    draft: { state: true },
    problem: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    authorStyles,
    css`
      form {
        max-width: 32em;
      }
      input {
        width: 100%;
      }
      .preview {
        display: grid;
        gap: 0.5em;
      }
    `,
  ];

  declare app: AdminApp;
  draft: Editable | undefined;
  problem: Problem | undefined;
  done = '';
  busy = false;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  get #values(): Editable {
    return (
      this.draft ?? { name: this.app.viewer.name, title: this.app.viewer.title, avatarUrl: this.app.viewer.avatarUrl }
    );
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const { name, title, avatarUrl } = this.#values;
    this.busy = true;
    const outcome = await mutate(this.app, UPDATE_PROFILE, {
      input: { name: name.trim(), title: title?.trim() ?? '', avatarUrl: avatarUrl?.trim() ?? '' },
    });
    this.busy = false;
    this.problem = outcome.problem;
    if (outcome.problem) return;
    const saved = outcome.data.updateMyProfile;
    Object.assign(this.app.viewer, saved);
    this.draft = undefined;
    this.done = msg('Saved.');
    this.dispatchEvent(new CustomEvent('rapport-profile-changed', { bubbles: true, composed: true }));
  }

  #input(key: keyof Editable, label: string, type = 'text') {
    const error = problemFor(this.problem, key);
    return html`<div class="field">
      <label for=${key}>${label}</label>
      <input id=${key} type=${type} .value=${this.#values[key] ?? ''} ?required=${key === 'name'}
        @input=${(e: Event) => {
          this.draft = { ...this.#values, [key]: (e.target as HTMLInputElement).value };
          this.done = '';
        }}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="${key}-error" />
      <p class="error" id="${key}-error" role="alert">${error ?? ''}</p>
    </div>`;
  }

  /** The console's language, at once (the shell switches, rapport-admin.ts), and kept in the profile. */
  async #chooseLanguage(event: Event): Promise<void> {
    const locale = (event.target as HTMLSelectElement).value || null;
    this.app.viewer.staffLocale = locale;
    this.dispatchEvent(new CustomEvent('rapport-profile-changed', { bubbles: true, composed: true }));
    const outcome = await mutate(this.app, UPDATE_PROFILE, { input: { locale: locale ?? '' } });
    this.problem = outcome.problem;
    this.done = outcome.problem ? '' : msg('Saved.');
  }

  #language() {
    const chosen = this.app.viewer.staffLocale ?? '';
    return html`<section class="panel" aria-labelledby="language-title">
      <h2 id="language-title">${msg('Language')}</h2>
      <div class="field"><label for="language">${msg('Language of the console')}</label>
        <select id="language" @change=${this.#chooseLanguage}>
          <option value="" ?selected=${!chosen}>${msg('The language of my browser')}</option>
          ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === chosen}>${autonym(locale)}</option>`)}
        </select></div>
    </section>`;
  }

  override render() {
    const values = this.#values;
    const preview = {
      ...viewerAsAuthor(this.app.viewer),
      displayName: values.name,
      title: values.title,
      avatarUrl: values.avatarUrl || null,
    };
    const general = this.problem && !problemFor(this.problem, 'name', 'title', 'avatarUrl');
    return html`<h1>${msg('My profile')}</h1>
      <form class="panel" @submit=${this.#save} novalidate>
        ${this.#input('name', msg('Name'))}
        ${this.#input('title', msg('Title', { desc: "A staff member's job title, shown to customers" }))}
        ${this.#input('avatarUrl', msg('Picture (URL)'), 'url')}
        <p class="error" role="alert">${general ? this.problem?.message : ''}</p>
        <button class="btn primary" ?disabled=${this.busy}>${msg('Save')}</button>
        <span class="ok" role="status">${this.done}</span>
      </form>
      <section class="panel preview" aria-labelledby="preview-title">
        <h2 id="preview-title">${msg('Customers see this next to your replies:')}</h2>
        ${adminAuthorLine(preview, this.app.brand, new Date().toISOString())}
        ${richText(msg('Thanks for the idea! We are looking into it.'))}
      </section>
      ${this.#language()}`;
  }
}
