import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { ListController } from '../client/query.ts';
import { AUDIT } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface Entry {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
  actor: { name: string } | null;
}

interface AuditData {
  community: {
    auditLog: { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    staffMembers: { id: string; name: string }[];
  } | null;
}

/** The API's global id of a record (Relay: base64 of "Type:id"), to link to it. */
const globalId = (type: string, id: string) => btoa(`${type}:${id}`);

const show = (value: unknown) => (value == null ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** What changed: each field with its value before and after. */
function changes(entry: Entry) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  return html`<ul class="plain">${keys.map(
    (key) =>
      html`<li><span class="muted">${key}:</span> ${entry.before ? html`${show(entry.before[key])} → ` : nothing}${show(entry.after?.[key])}</li>`,
  )}</ul>`;
}

/** Who did what, to what, when: every staff and system action, newest first, filterable. */
export class AdminAudit extends LitElement {
  static override properties = {
    app: { attribute: false },
    action: { state: true },
    actorId: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      .table {
        overflow-x: auto;
      }
    `,
  ];

  declare app: AdminApp;
  action = '';
  actorId = '';

  readonly #log = new ListController<AuditData, Entry, Record<string, unknown>>(
    this,
    AUDIT,
    () => ({ community: this.app.community, action: this.action || null, actorId: this.actorId || null }),
    (data) => data.community?.auditLog,
  );

  #target(entry: Entry) {
    const label = `${entry.targetType} ${entry.targetId}`;
    if (entry.targetType === 'Thread')
      return html`<a href="/admin/threads/${encodeURIComponent(globalId('Thread', entry.targetId))}">${label}</a>`;
    if (entry.targetType === 'Member')
      return html`<a href="/admin/members/${encodeURIComponent(globalId('Member', entry.targetId))}">${label}</a>`;
    return label;
  }

  #table(entries: Entry[]) {
    const s = strings;
    return html`<div class="table"><table>
      <caption class="sr-only">${s.auditTitle}</caption>
      <thead><tr><th scope="col">${s.when}</th><th scope="col">${s.who}</th><th scope="col">${s.what}</th>
        <th scope="col">${s.target}</th><th scope="col">${s.change}</th></tr></thead>
      <tbody>${entries.map(
        (e) => html`<tr>
          <td><time datetime=${e.createdAt} title=${new Date(e.createdAt).toLocaleString()}>${timeAgo(e.createdAt)}</time></td>
          <td>${e.actor?.name ?? s.system}</td>
          <td><code>${e.action}</code></td>
          <td>${this.#target(e)}</td>
          <td>${changes(e)}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  override render() {
    const s = strings;
    const staff = this.#log.data?.community?.staffMembers ?? [];
    return html`<h1>${s.auditTitle}</h1>
      <div class="toolbar" role="group" aria-label="Filters">
        <div class="field"><label for="action">${s.actionFilter}</label>
          <select id="action" @change=${(e: Event) => {
            this.action = (e.target as HTMLSelectElement).value;
          }}>
            <option value="">${s.allActions}</option>
            ${Object.entries(s.actionGroups).map(([value, label]) => html`<option value=${value} ?selected=${value === this.action}>${label}</option>`)}
          </select></div>
        <div class="field"><label for="actor">${s.who}</label>
          <select id="actor" @change=${(e: Event) => {
            this.actorId = (e.target as HTMLSelectElement).value;
          }}>
            <option value="">${s.everyone}</option>
            ${staff.map((m) => html`<option value=${m.id} ?selected=${m.id === this.actorId}>${m.name}</option>`)}
          </select></div>
      </div>
      ${this.#log.renderList((entries) => this.#table(entries), html`<p class="panel">${s.auditEmpty}</p>`)}`;
  }
}
