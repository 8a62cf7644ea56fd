import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { CHANGELOG } from '../documents/changelog.ts';
import { pathOf } from '../router.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';
import type { ChangelogEntry } from './admin-changelog-entry.ts';

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
  status = '';

  readonly #entries = new QueryController<
    { community: { changelog: { edges: { node: ChangelogEntry }[] } } | null },
    { community: string; status: string | null }
  >(this, CHANGELOG, () => ({ community: this.app.community, status: this.status || null }));

  #state(e: ChangelogEntry) {
    const s = strings;
    if (e.status === 'PUBLISHED')
      return html`${s.entryPublished(timeAgo(e.publishedAt ?? e.createdAt))}${e.editedAt ? ` · ${s.edited}` : ''}`;
    if (e.status === 'SCHEDULED') return s.entryScheduled(new Date(e.publishAt ?? '').toLocaleString());
    return s.entryDraft;
  }

  override render() {
    const s = strings;
    return html`<h1>${s.changelogTitle}</h1>
      <p class="muted">${s.changelogIntro}</p>
      <div class="toolbar">
        <a class="btn primary" href=${pathOf({ name: 'whats-new', id: 'new' })}>${s.newEntry}</a>
        <label>${s.statusLabel}
          <select @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value;
          }}>
            <option value="">${s.anyStatus}</option>
            ${Object.entries(s.entryStatuses).map(([value, label]) => html`<option value=${value} ?selected=${this.status === value}>${label}</option>`)}
          </select></label>
      </div>
      ${this.#entries.render((data) => {
        const entries = data.community?.changelog.edges.map((e) => e.node) ?? [];
        if (!entries.length) return html`<p class="panel muted">${s.changelogEmpty}</p>`;
        return html`<table>
          <thead><tr><th>${s.entryTitle}</th><th>${s.statusLabel}</th><th>${s.entryAuthor}</th><th>${s.entryShips}</th></tr></thead>
          <tbody>${entries.map(
            (e) => html`<tr>
              <td><a href=${pathOf({ name: 'whats-new', id: e.id })}>${e.title}</a></td>
              <td>${this.#state(e)}</td>
              <td>${e.author.name}${e.author.title ? html`<span class="muted"> · ${e.author.title}</span>` : nothing}</td>
              <td>${e.threads.length ? e.threads.map((t) => t.title).join(', ') : html`<span class="muted">—</span>`}</td>
            </tr>`,
          )}</tbody></table>`;
      })}`;
  }
}
