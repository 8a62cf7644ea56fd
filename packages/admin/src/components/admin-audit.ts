import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateTime, timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { ListController } from '../client/query.ts';
import { AUDIT, type AuditEntry } from '../documents/audit.ts';
import { currentLocale, t } from '../i18n/localize.ts';
import { onwards } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

const who = () => msg('Who', { desc: 'Who did something (audit log)' });
const what = () => msg('What', { desc: 'What was done (audit log)' });

/** The API's global id of a record (Relay: base64 of "Type:id"), to link to it. */
const globalId = (type: string, id: string) => btoa(`${type}:${id}`);

/** A recorded value as a person reads it: ids by the names they stand for. */
function show(value: unknown, names: Map<string, string>): string {
  if (value == null) return '—';
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => show(v, names)).join(', ');
  return JSON.stringify(value, (_key, v) => (typeof v === 'string' ? (names.get(v) ?? v) : v));
}

/** What changed: each field with its value before and after. */
function changes(entry: AuditEntry) {
  const names = new Map(entry.references.map((r) => [r.id, r.name]));
  // The recorded values (JSON): the fields of the record before and after the action.
  const before = entry.before as Record<string, unknown> | null;
  const after = entry.after as Record<string, unknown> | null;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return html`<ul class="plain">${keys.map(
    (key) =>
      html`<li><span class="muted">${key}:</span> ${before ? html`${show(before[key], names)} ${onwards()} ` : nothing}${show(after?.[key], names)}</li>`,
  )}</ul>`;
}

/** What the log can be filtered by: the kinds of record an action is about. */
const actionGroups = (): Record<string, string> => ({
  'thread.': msg('Threads'),
  'reply.': msg('Replies'),
  'member.': msg('Members'),
  'staff.': msg('Staff', { id: 'audit-staff', desc: 'Kind of record in the audit log: staff accounts' }),
  'community.': msg('Community settings'),
  'sso.': msg('Sign-in keys'),
});

/** The kind of record an entry is about. */
const targetTypes = (): Record<string, string> => ({
  Thread: msg('Thread'),
  Reply: msg('Reply'),
  Member: msg('Member'),
  StaffMember: msg('Staff', { id: 'audit-staff', desc: 'Kind of record in the audit log: staff accounts' }),
  Community: msg('Community'),
  Webhook: msg('Webhook'),
  Cleanup: msg('Clean-up'),
  ChangelogEntry: msg("What's new"),
});

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

  readonly #log = new ListController(
    this,
    AUDIT,
    () => ({ community: this.app.community, action: this.action || null, actorId: this.actorId || null }),
    (data) => data.community?.auditLog,
  );

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  #target(entry: AuditEntry) {
    const named = entry.references.find((r) => r.id === entry.targetId);
    const label = named ? `${named.name}` : `${entry.targetType} ${entry.targetId}`;
    const kind = targetTypes()[entry.targetType] ?? entry.targetType;
    const link = (path: string) =>
      html`<a href="/admin/${path}/${encodeURIComponent(globalId(entry.targetType, entry.targetId))}">${label}</a>`;
    const shown =
      entry.targetType === 'Thread' ? link('threads') : entry.targetType === 'Member' ? link('members') : label;
    return html`<span class="muted">${kind}</span> ${shown}`;
  }

  /** Staff by name, a member acting on their own account by theirs, else the system. */
  #who(entry: AuditEntry) {
    if (entry.actor) return entry.actor.name;
    if (entry.actorMember) return t(msg('{name} (the member)'), { name: entry.actorMember.displayName });
    return msg('System');
  }

  #table(entries: AuditEntry[]) {
    const locale = currentLocale();
    return html`<div class="table"><table>
      <caption class="sr-only">${msg('Audit log')}</caption>
      <thead><tr><th scope="col">${msg('When')}</th><th scope="col">${who()}</th><th scope="col">${what()}</th>
        <th scope="col">${msg('To what')}</th><th scope="col">${msg('Change', { desc: 'Column: what an action changed' })}</th></tr></thead>
      <tbody>${entries.map(
        (e) => html`<tr>
          <td><time datetime=${e.createdAt} title=${dateTime(e.createdAt, locale)}>${timeAgo(e.createdAt, Date.now(), locale)}</time></td>
          <td>${this.#who(e)}</td>
          <td><code>${e.action}</code></td>
          <td>${this.#target(e)}</td>
          <td>${changes(e)}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  override render() {
    const staff = this.#log.data?.community?.staffMembers ?? [];
    return html`<h1>${msg('Audit log')}</h1>
      <div class="toolbar" role="group" aria-label=${msg('Filters')}>
        <div class="field"><label for="action">${what()}</label>
          <select id="action" @change=${(e: Event) => {
            this.action = (e.target as HTMLSelectElement).value;
          }}>
            <option value="">${msg('Everything')}</option>
            ${Object.entries(actionGroups()).map(([value, label]) => html`<option value=${value} ?selected=${value === this.action}>${label}</option>`)}
          </select></div>
        <div class="field"><label for="actor">${who()}</label>
          <select id="actor" @change=${(e: Event) => {
            this.actorId = (e.target as HTMLSelectElement).value;
          }}>
            <option value="">${msg('Everyone')}</option>
            ${staff.map((m) => html`<option value=${m.id} ?selected=${m.id === this.actorId}>${m.name}</option>`)}
          </select></div>
      </div>
      ${this.#log.renderList((entries) => this.#table(entries), html`<p class="panel">${msg('Nothing recorded yet.')}</p>`)}`;
  }
}
