import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { ListController } from '../client/query.ts';
import { MEMBERS, type MemberRow } from '../documents/members.ts';
import type { MemberOrder } from '../generated/graphql.ts';
import { currentLocale, formatNumber } from '../i18n/localize.ts';
import { adminStyles } from '../styles.ts';

const SEARCH_DELAY_MS = 250;

/** What the list can be sorted by (the columns have the same names). */
const orders = (): Record<string, string> => ({
  LAST_SEEN: msg('Last seen'),
  NEWEST: msg('Newest'),
  NAME: msg('Name'),
  THREADS: msg('Threads'),
  REPLIES: msg('Replies'),
  VOTES: msg('Votes'),
});

/** The community's customers: search by name or e-mail, sort by activity, open one's brief. */
export class AdminMembers extends LitElement {
  static override properties = {
    app: { attribute: false },
    search: { state: true },
    orderBy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .num {
        text-align: end;
      }
      .table {
        overflow-x: auto;
      }
    `,
  ];

  declare app: AdminApp;
  /** What the list is filtered by (set a moment after typing stops). */
  search = '';
  orderBy: MemberOrder = 'LAST_SEEN';
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #members = new ListController(
    this,
    MEMBERS,
    () => ({ community: this.app.community, search: this.search.trim() || null, orderBy: this.orderBy }),
    (data) => data.community?.members,
  );

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.search = value;
    }, SEARCH_DELAY_MS);
  }

  #table(members: MemberRow[]) {
    const columns = orders();
    return html`<div class="table"><table>
      <caption class="sr-only">${msg('Members')}</caption>
      <thead><tr>
        <th scope="col">${columns.NAME}</th><th scope="col">${msg('E-mail')}</th>
        <th scope="col" class="num">${columns.THREADS}</th><th scope="col" class="num">${columns.REPLIES}</th>
        <th scope="col" class="num">${columns.VOTES}</th><th scope="col">${columns.LAST_SEEN}</th>
      </tr></thead>
      <tbody>${members.map(
        (m) => html`<tr>
          <td><a href="/admin/members/${encodeURIComponent(m.id)}">${m.displayName}</a>
            ${m.kind === 'GUEST' ? html`<span class="badge">${msg('Guest')}</span>` : nothing}
            ${m.isAmbassador ? html`<span class="badge">${msg('Ambassador')}</span>` : nothing}
            ${m.isSuspended ? html`<span class="badge">${msg('Suspended')}</span>` : nothing}</td>
          <td>${m.email ?? '—'}</td>
          <td class="num">${formatNumber(m.threadCount ?? 0)}</td><td class="num">${formatNumber(m.replyCount ?? 0)}</td>
          <td class="num">${formatNumber(m.voteCount ?? 0)}</td>
          <td>${m.lastSeenAt ? timeAgo(m.lastSeenAt, Date.now(), currentLocale()) : '—'}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  override render() {
    return html`<h1>${msg('Members')}</h1>
      <div class="toolbar" role="search">
        <div class="field"><label for="search">${msg('Search by name or e-mail')}</label>
          <input id="search" type="search" maxlength="100" @input=${this.#onSearch} /></div>
        <div class="field"><label for="order">${msg('Sort by')}</label>
          <select id="order" @change=${(e: Event) => {
            this.orderBy = (e.target as HTMLSelectElement).value as MemberOrder;
          }}>${Object.entries(orders()).map(([value, label]) => html`<option value=${value} ?selected=${value === this.orderBy}>${label}</option>`)}</select></div>
      </div>
      ${this.#members.renderList((members) => this.#table(members), html`<p class="panel">${this.search ? msg('Nobody matches this search.') : msg('No members yet: once customers take part, they appear here.')}</p>`)}
      ${this.app.isManager ? html`<admin-cleanup .app=${this.app} @rapport-changed=${() => this.#members.refresh()}></admin-cleanup>` : nothing}`;
  }
}
