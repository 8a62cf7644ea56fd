import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { RETIRE_KEY, ROTATE_KEY, SET_ORIGINS, SETTINGS, UPDATE_COMMUNITY } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Settings {
  name: string;
  allowedOrigins: string[];
  ssoKeys: { keyId: string; createdAt: string }[];
  theme: { property: string; value: string }[];
}

/** The exact two lines a brand puts on its pages. */
export const embedSnippet = (origin: string, community: string) =>
  `<script type="module" src="${origin}/widget.js"></script>\n<rapport-community community="${community}" endpoint="${origin}/graphql"></rapport-community>`;

/**
 * The community's settings, for managers: its name, the sites allowed to embed the widget, the
 * SSO signing keys (a new secret is shown once), the widget's theme with a live preview, and the
 * embed code to copy, and the webhooks (admin-webhooks.ts). Each section saves on its own and
 * shows its own result.
 */
export class AdminSettings extends LitElement {
  static override properties = {
    app: { attribute: false },
    name: { state: true },
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
  origins: string | undefined;
  secret: { keyId: string; secret: string } | undefined;
  problems: Record<string, Problem | undefined> = {};
  done: Record<string, string> = {};
  copied = false;

  readonly #settings = new QueryController<{ community: Settings | null }, { community: string }>(
    this,
    SETTINGS,
    () => ({
      community: this.app.community,
    }),
  );

  async #save(section: string, work: () => Promise<{ problem?: Problem }>, done: string): Promise<void> {
    const { problem } = await work();
    this.problems = { ...this.problems, [section]: problem };
    this.done = { ...this.done, [section]: problem ? '' : done };
    if (!problem) void this.#settings.refresh();
  }

  #nameForm(settings: Settings) {
    const s = strings;
    const problem = this.problems.name;
    return html`<form class="panel" novalidate aria-labelledby="name-title" @submit=${(e: Event) => {
      e.preventDefault();
      void this.#save(
        'name',
        () => mutate(this.app, UPDATE_COMMUNITY, { input: { name: (this.name ?? settings.name).trim() } }),
        s.saved,
      );
    }}>
      <h2 id="name-title">${s.communityName}</h2>
      <div class="field"><label for="community-name">${s.communityName}</label>
        <input id="community-name" .value=${this.name ?? settings.name} maxlength="120" @input=${(e: Event) => {
          this.name = (e.target as HTMLInputElement).value;
        }} aria-invalid=${problem ? 'true' : 'false'} aria-describedby="name-problem" /></div>
      <p class="error" id="name-problem" role="alert">${problem?.message ?? ''}</p>
      <button class="btn primary">${s.save}</button> <span class="ok" role="status">${this.done.name ?? ''}</span>
    </form>`;
  }

  #originsForm(settings: Settings) {
    const s = strings;
    const problem = this.problems.origins;
    const value = this.origins ?? settings.allowedOrigins.join('\n');
    return html`<form class="panel" novalidate aria-labelledby="origins-title" @submit=${(e: Event) => {
      e.preventDefault();
      const lines = (this.origins ?? settings.allowedOrigins.join('\n')).split('\n');
      const origins = lines.map((line) => line.trim()).filter(Boolean);
      void this.#save('origins', () => mutate(this.app, SET_ORIGINS, { origins }), s.saved);
    }}>
      <h2 id="origins-title">${s.origins}</h2>
      <div class="field"><label for="origins">${s.origins}</label>
        <textarea id="origins" rows="4" .value=${value} @input=${(e: Event) => {
          this.origins = (e.target as HTMLTextAreaElement).value;
        }} aria-invalid=${problem ? 'true' : 'false'} aria-describedby="origins-hint origins-problem"></textarea>
        <span class="muted" id="origins-hint">${s.originsHint}</span></div>
      <p class="error" id="origins-problem" role="alert">${problem?.message ?? ''}</p>
      <button class="btn primary">${s.save}</button> <span class="ok" role="status">${this.done.origins ?? ''}</span>
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
    const s = strings;
    return html`<section class="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">${s.ssoKeys}</h2>
      <p class="muted">${s.ssoHint}</p>
      <ul class="plain">${settings.ssoKeys.map(
        (key) => html`<li class="row"><code>${key.keyId}</code> <span class="muted">${timeAgo(key.createdAt)}</span>
          <button class="btn" aria-label=${s.retireKey(key.keyId)} @click=${() =>
            this.#save(
              'keys',
              () => mutate(this.app, RETIRE_KEY, { keyId: key.keyId }),
              s.keyRetired(key.keyId),
            )}>${s.retire}</button></li>`,
      )}</ul>
      <p><button class="btn" @click=${this.#rotate}>${s.rotate}</button></p>
      ${
        this.secret
          ? html`<div role="status"><p>${s.newSecret}</p>
              <p>${s.keyId}: <code>${this.secret.keyId}</code></p><p>${s.secret}: <code class="secret">${this.secret.secret}</code></p></div>`
          : nothing
      }
      <p class="error" role="alert">${this.problems.keys?.message ?? ''}</p>
      <p class="ok" role="status">${this.done.keys ?? ''}</p>
    </section>`;
  }

  #embed() {
    const s = strings;
    const snippet = embedSnippet(location.origin, this.app.community);
    return html`<section class="panel" aria-labelledby="embed-title">
      <h2 id="embed-title">${s.embed}</h2>
      <p class="muted">${s.embedHint}</p>
      <pre><code class="snippet">${snippet}</code></pre>
      <button class="btn" @click=${async () => {
        await navigator.clipboard?.writeText(snippet).catch(() => undefined);
        this.copied = true;
      }}>${this.copied ? s.copied : s.copy}</button>
    </section>`;
  }

  override render() {
    return html`<h1>${strings.settingsTitle}</h1>
      ${this.#settings.render((data) => {
        const settings = data.community;
        if (!settings) return nothing;
        return html`${this.#nameForm(settings)} ${this.#originsForm(settings)} ${this.#keys(settings)}
          <admin-theme-editor .app=${this.app} .saved=${settings.theme}></admin-theme-editor>
          ${this.#embed()}
          <admin-outreach .app=${this.app}></admin-outreach>
          <admin-webhooks .app=${this.app}></admin-webhooks>`;
      })}`;
  }
}
