import { linkButtonStyles } from '@rapport/shared/ui/link-button.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import {
  ACCOUNT,
  DELETE_ACCOUNT,
  EXPORT,
  KEEP_ACCOUNT,
  MARK_READ,
  SET_CONSENT,
  SET_DIGEST,
  SET_FOLLOW_ON_VOTE,
} from '../graphql/account.ts';
import { strings } from '../strings.ts';
import { accountStrings as s } from './account-strings.ts';

interface Notification {
  id: string;
  kind: 'REPLY' | 'STATUS_CHANGED' | 'MERGED' | 'CHANGELOG';
  unread: boolean;
  status: string | null;
  createdAt: string;
  thread: { id: string; title: string } | null;
  mergedInto: { id: string; title: string } | null;
  changelogEntry: { id: string; title: string } | null;
  actor: { displayName: string } | null;
}

interface Account {
  emailDigest: string | null;
  followOnVote: boolean | null;
  deletionDueAt: string | null;
  consents: { purpose: string; granted: boolean; text: string }[] | null;
  notifications: { edges: { node: Notification }[] } | null;
}

/** Tells the root element the unread count changed (the badge). */
export class NotificationsReadEvent extends Event {
  constructor() {
    super('rapport-notifications-read', { bubbles: true, composed: true });
  }
}

/**
 * A member's own corner, loaded only when they open it: what happened in the threads they follow
 * (read as soon as it is shown), which emails they get and how often, a download of their data,
 * and deleting their account (with the date it happens, and a way back until then).
 */
export class AccountPanel extends LitElement {
  static override properties = {
    app: { attribute: false },
    account: { state: true },
    problem: { state: true },
    done: { state: true },
    confirming: { state: true },
  };

  static override styles = [
    theme,
    linkButtonStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 1.05em;
        margin: 1.2em 0 0.4em;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        padding: 0.35em 0;
        border-bottom: 1px solid var(--_border);
      }
      .new {
        font-weight: 700;
      }
      select {
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.25em 0.4em;
      }
      label {
        display: flex;
        gap: 0.5em;
        align-items: baseline;
        margin: 0.3em 0;
      }
    `,
  ];

  declare app: App;
  account: Account | undefined;
  problem = '';
  done = '';
  confirming = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    const result = await this.app.client.query(ACCOUNT, {}).toPromise();
    const viewer = result.data?.viewer as Account | undefined;
    if (!viewer) {
      this.problem = problemOf(result.error)?.message ?? strings.loadFailed;
      return;
    }
    this.account = viewer;
    if (viewer.notifications?.edges.some((e) => e.node.unread)) {
      await this.app.client.mutation(MARK_READ, {}).toPromise();
      this.dispatchEvent(new NotificationsReadEvent());
    }
  }

  async #mutate(document: Parameters<App['client']['mutation']>[0], variables: Record<string, unknown>) {
    const result = await this.app.client.mutation(document, variables).toPromise();
    this.problem = result.error ? (problemOf(result.error)?.message ?? strings.networkError) : '';
    this.done = result.error ? '' : s.saved;
    return result;
  }

  async #download(): Promise<void> {
    const result = await this.app.client.query(EXPORT, {}).toPromise();
    const data = result.data?.viewer?.dataExport;
    if (!data) {
      this.problem = problemOf(result.error)?.message ?? strings.networkError;
      return;
    }
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.app.community}-my-data.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.done = s.downloaded;
  }

  async #delete(): Promise<void> {
    const result = await this.#mutate(DELETE_ACCOUNT, {});
    const dueAt = (result.data as { requestAccountDeletion?: string } | undefined)?.requestAccountDeletion;
    if (dueAt && this.account) this.account = { ...this.account, deletionDueAt: dueAt };
    this.confirming = false;
  }

  async #keep(): Promise<void> {
    const result = await this.#mutate(KEEP_ACCOUNT, {});
    if (!result.error && this.account) this.account = { ...this.account, deletionDueAt: null };
  }

  /** What a notification says, and where opening it leads. */
  #describe(n: Notification): { text: string; to: NavigateEvent['route'] | null } {
    const title = n.thread?.title ?? s.gone;
    const thread = n.thread ? ({ name: 'thread', id: n.thread.id } as const) : null;
    switch (n.kind) {
      case 'REPLY':
        return { text: s.replied(n.actor?.displayName ?? s.someone, title), to: thread };
      case 'MERGED':
        return {
          text: s.merged(title, n.mergedInto?.title ?? s.gone),
          to: n.mergedInto ? { name: 'thread', id: n.mergedInto.id } : thread,
        };
      case 'CHANGELOG':
        return {
          text: s.shipped(n.changelogEntry?.title ?? s.gone),
          to: n.changelogEntry ? { name: 'whats-new', entry: n.changelogEntry.id } : null,
        };
      default:
        return {
          text: s.statusChanged(title, (strings.statuses as Record<string, string>)[n.status ?? ''] ?? n.status ?? ''),
          to: thread,
        };
    }
  }

  #notification(n: Notification) {
    const { text, to } = this.#describe(n);
    const open = () => to && this.dispatchEvent(new NavigateEvent(to));
    return html`<li class=${n.unread ? 'new' : ''}>
      ${n.unread ? html`<span class="badge">${s.unread}</span> ` : nothing}
      ${to ? html`<button class="link" @click=${open}>${text}</button>` : text}
      <span class="muted">· ${timeAgo(n.createdAt)}</span></li>`;
  }

  #email(a: Account) {
    return html`<h3>${s.email}</h3>
      ${(a.consents ?? []).map(
        (c) => html`<label><input type="checkbox" .checked=${c.granted} @change=${(e: Event) =>
          this.#mutate(SET_CONSENT, {
            purpose: c.purpose,
            granted: (e.target as HTMLInputElement).checked,
            text: c.text,
          })} />
          ${c.text}</label>`,
      )}
      <label><input type="checkbox" .checked=${a.followOnVote ?? true} @change=${(e: Event) =>
        this.#mutate(SET_FOLLOW_ON_VOTE, { followOnVote: (e.target as HTMLInputElement).checked })} />
        ${s.followOnVote}</label>
      <label for="digest">${s.digest}
        <select id="digest" @change=${(e: Event) => this.#mutate(SET_DIGEST, { digest: (e.target as HTMLSelectElement).value })}>
          ${Object.entries(s.digests).map(([value, label]) => html`<option value=${value} ?selected=${value === a.emailDigest}>${label}</option>`)}
        </select></label>`;
  }

  #deletion(a: Account) {
    if (a.deletionDueAt) {
      return html`<p>${s.dueOn(new Date(a.deletionDueAt).toLocaleDateString())}</p>
        <button class="btn" @click=${this.#keep}>${s.keep}</button>`;
    }
    if (this.confirming) {
      return html`<p>${s.deleteText}</p>
        <button class="btn primary" @click=${this.#delete}>${s.confirmDelete}</button>
        <button class="btn" @click=${() => {
          this.confirming = false;
        }}>${strings.cancel}</button>`;
    }
    return html`<button class="btn" @click=${() => {
      this.confirming = true;
    }}>${s.deleteButton}</button>`;
  }

  override render() {
    const a = this.account;
    const notifications = a?.notifications?.edges.map((e) => e.node) ?? [];
    return html`<section aria-labelledby="account-title">
      <button class="link" @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'list' }))}>${s.close}</button>
      <h2 id="account-title">${s.title}</h2>
      <p class="error" role="alert">${this.problem}</p>
      ${
        a
          ? html`<h3>${s.notifications}</h3>
            ${notifications.length ? html`<ul>${notifications.map((n) => this.#notification(n))}</ul>` : html`<p class="muted">${s.noNotifications}</p>`}
            ${this.#email(a)}
            <h3>${s.data}</h3><p class="muted">${s.dataText}</p>
            <button class="btn" @click=${this.#download}>${s.download}</button>
            <h3>${s.deleteTitle}</h3>${this.#deletion(a)}`
          : html`<p class="muted" aria-busy="true">${strings.loading}</p>`
      }
      <p class="muted" role="status">${this.done}</p>
    </section>`;
  }
}

if (!customElements.get('rapport-account')) customElements.define('rapport-account', AccountPanel);
