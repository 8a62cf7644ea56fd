import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { QueryController } from '../client/query.ts';
import { API_KEYS, type ApiKey, CREATE_API_KEY, REVOKE_API_KEY } from '../documents/api-keys.ts';
import type { ApiKeyScope } from '../generated/graphql.ts';
import { currentLocale, listOf, t } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';

const scopeNames = (): Record<ApiKeyScope, string> => ({
  READ_MEMBERS: msg('Read members and the ranking'),
  WRITE_MEMBERS: msg('Write members and their attributes'),
  READ_DEMAND: msg('Read demand: ideas by who wants them'),
});

/**
 * The community's API keys, for managers (on the settings page): make one for the brand's own
 * servers with a name and scopes (the key is shown once), see when each was last used, revoke it.
 */
export class AdminApiKeys extends LitElement {
  static override properties = {
    app: { attribute: false },
    name: { state: true },
    scopes: { state: true },
    key: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75em;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
      }
      .key {
        border-top: 1px solid var(--_border);
        padding-top: 0.6em;
        margin-top: 0.6em;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare app: AdminApp;
  name = '';
  scopes: ApiKeyScope[] = ['READ_MEMBERS'];
  key = '';
  problem: Problem | undefined;

  readonly #keys = new QueryController(this, API_KEYS, () => ({ community: this.app.community }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const outcome = await mutate(this.app, CREATE_API_KEY, { name: this.name.trim(), scopes: this.scopes });
    this.problem = outcome.problem;
    if (outcome.problem) return;
    this.key = outcome.data.createApiKey.key;
    this.name = '';
    void this.#keys.refresh();
  }

  async #revoke(key: ApiKey): Promise<void> {
    const outcome = await mutate(this.app, REVOKE_API_KEY, { id: key.id });
    this.problem = outcome.problem;
    void this.#keys.refresh();
  }

  #toggle(scope: ApiKeyScope, on: boolean): void {
    this.scopes = on ? [...this.scopes, scope] : this.scopes.filter((s) => s !== scope);
  }

  #row(key: ApiKey) {
    const names = scopeNames();
    const ago = (at: string) => timeAgo(at, Date.now(), currentLocale());
    return html`<section class="key" aria-label=${key.name}>
      <p><strong>${key.name}</strong> <code>${key.keyStart}…</code>
        ${key.revokedAt ? html`<span class="badge">${t(msg('Revoked {when}'), { when: ago(key.revokedAt) })}</span>` : nothing}</p>
      <p class="muted">${listOf(
        key.scopes.map((s) => names[s] ?? s),
        'unit',
      )}</p>
      <p class="muted">${t(msg('Made by {name} {when}'), { name: key.createdBy?.name ?? '—', when: ago(key.createdAt) })} ·
        ${key.lastUsedAt ? t(msg('last used {when}'), { when: ago(key.lastUsedAt) }) : msg('never used')}</p>
      ${
        key.revokedAt
          ? nothing
          : html`<button class="btn" aria-label=${t(msg('Revoke “{name}”'), { name: key.name })}
              @click=${() => this.#revoke(key)}>${msg('Revoke')}</button>`
      }
    </section>`;
  }

  override render() {
    return html`<section class="panel" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">${msg('API keys')}</h2>
      <p class="muted">${t(
        msg('For your own servers, never a browser: send the key as {header} to the GraphQL endpoint.'),
        { header: 'Authorization: Bearer <key>' },
      )}</p>
      <form @submit=${this.#create} novalidate aria-label=${msg('Make an API key')}>
        <div class="field"><label for="api-key-name">${msg('Name')}</label>
          <input id="api-key-name" .value=${this.name} maxlength="80" placeholder=${msg('e.g. CRM sync')}
            @input=${(e: Event) => {
              this.name = (e.target as HTMLInputElement).value;
            }} aria-invalid=${problemFor(this.problem, 'name') ? 'true' : 'false'} aria-describedby="api-key-problem" /></div>
        <fieldset aria-invalid=${problemFor(this.problem, 'scopes') ? 'true' : 'false'}>
          <legend class="muted">${msg('It may')}</legend>
          ${(Object.entries(scopeNames()) as [ApiKeyScope, string][]).map(
            ([scope, label]) => html`<label class="row"><input type="checkbox" .checked=${this.scopes.includes(scope)}
              @change=${(e: Event) => this.#toggle(scope, (e.target as HTMLInputElement).checked)} /> ${label}</label>`,
          )}
        </fieldset>
        <p class="error" id="api-key-problem" role="alert">${this.problem?.message ?? ''}</p>
        <button class="btn primary">${msg('Make an API key')}</button>
      </form>
      ${this.key ? html`<p>${msg('The key, shown this once. Keep it on your server:')}</p><p><code class="api-key">${this.key}</code></p>` : nothing}
      ${this.#keys.render((data) => {
        const keys = data.community?.apiKeys ?? [];
        return keys.length ? keys.map((k) => this.#row(k)) : html`<p class="muted">${msg('No API keys yet.')}</p>`;
      })}
    </section>`;
  }
}
