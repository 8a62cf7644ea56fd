import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { CHANGELOG } from '../documents/changelog.ts';
import type { ChangelogStatus } from '../generated/graphql.ts';
import { currentLocale, listOf } from '../i18n/localize.ts';
import { pathOf } from '../router.ts';
import { adminStyles } from '../styles.ts';
import { entryState, entryStatuses, entryTitle } from './changelog-state.ts';

/**
 * "What's new", for staff: every entry (drafts, scheduled, published), newest first, with who wrote
 * it and what it ships; a new entry starts here.
 */
export class AdminChangelog extends LitElement {
  static override properties = {
    app: { attribute: false },
    status: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  declare app: AdminApp;
  status: ChangelogStatus | '' = '';

  readonly #entries = new QueryController(this, CHANGELOG, () => ({
    community: this.app.community,
    status: this.status || null,
  }));

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<h1>${msg("What's new")}</h1>
      <p class="muted">${msg('Tell customers what shipped. Publishing an entry ships the threads it delivers and tells everyone who asked for them.')}</p>
      <div class="toolbar">
        <a class="btn primary" href=${pathOf({ name: 'whats-new', id: 'new' })}>${msg('New entry')}</a>
        <label>${msg('Status')}
          <select @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value as ChangelogStatus | '';
          }}>
            <option value="">${msg('Any status')}</option>
            ${Object.entries(entryStatuses()).map(([value, label]) => html`<option value=${value} ?selected=${this.status === value}>${label}</option>`)}
          </select></label>
      </div>
      ${this.#entries.render((data) => {
        const entries = data.community?.changelog.edges.map((e) => e.node) ?? [];
        if (!entries.length) return html`<p class="panel muted">${msg('No entries yet.')}</p>`;
        return html`<table>
          <thead><tr><th>${entryTitle()}</th><th>${msg('Status')}</th><th>${msg('Author')}</th><th>${msg('Ships')}</th></tr></thead>
          <tbody>${entries.map(
            (e) => html`<tr>
              <td><a href=${pathOf({ name: 'whats-new', id: e.id })}>${e.title}</a></td>
              <td>${entryState(e, (iso) => timeAgo(iso, Date.now(), currentLocale()))}</td>
              <td>${e.author.name}${e.author.title ? html`<span class="muted"> · ${e.author.title}</span>` : nothing}</td>
              <td>${
                e.threads.length
                  ? listOf(
                      e.threads.map((thread) => thread.title),
                      'unit',
                    )
                  : html`<span class="muted">—</span>`
              }</td>
            </tr>`,
          )}</tbody></table>`;
      })}`;
  }
}
