import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { ListController } from '../client/query.ts';
import { MEMBERS } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface MemberRow {
  id: string;
  displayName: string;
  email: string | null;
  kind: 'GUEST' | 'SSO' | null;
  threadCount: number;
  replyCount: number;
  voteCount: number;
  lastSeenAt: string | null;
  isSuspended: boolean;
  isAmbassador: boolean;
}

type MembersData = {
  community: {
    members: { edges: { node: MemberRow }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } | null;
};

const SEARCH_DELAY_MS = 250;

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
  orderBy = 'LAST_SEEN';
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #members = new ListController<MembersData, MemberRow, Record<string, unknown>>(
    this,
    MEMBERS,
    () => ({ community: this.app.community, search: this.search.trim() || null, orderBy: this.orderBy }),
    (data) => data.community?.members,
  );

  #onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.search = value;
    }, SEARCH_DELAY_MS);
  }

  #table(members: MemberRow[]) {
    const s = strings;
    return html`<div class="table"><table>
      <caption class="sr-only">${s.membersTitle}</caption>
      <thead><tr>
        <th scope="col">${s.name}</th><th scope="col">${s.email}</th>
        <th scope="col" class="num">${s.memberOrders.THREADS}</th><th scope="col" class="num">${s.memberOrders.REPLIES}</th>
        <th scope="col" class="num">${s.memberOrders.VOTES}</th><th scope="col">${s.lastSeen}</th>
      </tr></thead>
      <tbody>${members.map(
        (m) => html`<tr>
          <td><a href="/admin/members/${encodeURIComponent(m.id)}">${m.displayName}</a>
            ${m.kind === 'GUEST' ? html`<span class="badge">${s.guestBadge}</span>` : nothing}
            ${m.isAmbassador ? html`<span class="badge">${s.ambassador}</span>` : nothing}
            ${m.isSuspended ? html`<span class="badge">${s.suspendedBadge}</span>` : nothing}</td>
          <td>${m.email ?? '—'}</td>
          <td class="num">${m.threadCount}</td><td class="num">${m.replyCount}</td><td class="num">${m.voteCount}</td>
          <td>${m.lastSeenAt ? timeAgo(m.lastSeenAt) : '—'}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  override render() {
    const s = strings;
    return html`<h1>${s.membersTitle}</h1>
      <div class="toolbar" role="search">
        <div class="field"><label for="search">${s.search}</label>
          <input id="search" type="search" maxlength="100" @input=${this.#onSearch} /></div>
        <div class="field"><label for="order">${s.sortBy}</label>
          <select id="order" @change=${(e: Event) => {
            this.orderBy = (e.target as HTMLSelectElement).value;
          }}>${Object.entries(s.memberOrders).map(([value, label]) => html`<option value=${value} ?selected=${value === this.orderBy}>${label}</option>`)}</select></div>
      </div>
      ${this.#members.renderList((members) => this.#table(members), html`<p class="panel">${this.search ? s.noMembersMatch : s.noMembers}</p>`)}
      ${this.app.isManager ? html`<admin-cleanup .app=${this.app} @rapport-changed=${() => this.#members.refresh()}></admin-cleanup>` : nothing}`;
  }
}
