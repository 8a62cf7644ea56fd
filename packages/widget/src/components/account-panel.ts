import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { linkButtonStyles } from '@rapport/shared/ui/link-button.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateOnly, timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import type { Doc } from '../client/gql.ts';
import type { EmailDigest } from '../generated/graphql.ts';
import {
  ACCOUNT,
  type Account,
  DELETE_ACCOUNT,
  EXPORT,
  KEEP_ACCOUNT,
  MARK_READ,
  type Notification,
  SET_CONSENT,
  SET_DIGEST,
  SET_FOLLOW_ON_VOTE,
} from '../graphql/account.ts';
import { currentLocale, t } from '../i18n/localize.ts';
import { loadFailed, loading, networkError, statusName } from '../i18n/words.ts';

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
    const result = await this.app.client.query(ACCOUNT, {});
    const viewer = result.data?.viewer;
    if (!viewer) {
      this.problem = problemOf(result.error)?.message ?? loadFailed();
      return;
    }
    this.account = viewer;
    if (viewer.notifications?.edges.some((e) => e.node.unread)) {
      await this.app.client.mutation(MARK_READ, {});
      this.dispatchEvent(new NotificationsReadEvent());
    }
  }

  async #mutate<Data, Variables>(document: Doc<Data, Variables>, variables: Variables) {
    const result = await this.app.client.mutation(document, variables);
    this.problem = result.error ? (problemOf(result.error)?.message ?? networkError()) : '';
    this.done = result.error ? '' : msg('Saved.');
    return result;
  }

  async #download(): Promise<void> {
    const result = await this.app.client.query(EXPORT, {});
    const data = result.data?.viewer?.dataExport;
    if (!data) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.app.community}-my-data.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.done = msg('Downloaded.');
  }

  async #delete(): Promise<void> {
    const result = await this.#mutate(DELETE_ACCOUNT, {});
    const dueAt = result.data?.requestAccountDeletion;
    if (dueAt && this.account) this.account = { ...this.account, deletionDueAt: dueAt };
    this.confirming = false;
  }

  async #keep(): Promise<void> {
    const result = await this.#mutate(KEEP_ACCOUNT, {});
    if (!result.error && this.account) this.account = { ...this.account, deletionDueAt: null };
  }

  /** What a notification says, and where opening it leads. */
  #describe(n: Notification): { text: string; to: NavigateEvent['route'] | null } {
    const gone = msg('a post that is no longer available');
    const title = n.thread?.title ?? gone;
    const thread = n.thread ? ({ name: 'thread', id: n.thread.id } as const) : null;
    switch (n.kind) {
      case 'REPLY':
        return {
          text: t(msg('{name} replied in “{title}”'), { name: n.actor?.displayName ?? msg('Someone'), title }),
          to: thread,
        };
      case 'MERGED':
        return {
          text: t(msg('“{title}” continues in “{into}”'), { title, into: n.mergedInto?.title ?? gone }),
          to: n.mergedInto ? { name: 'thread', id: n.mergedInto.id } : thread,
        };
      case 'CHANGELOG':
        return {
          text: t(msg('Shipped: {entry}'), { entry: n.changelogEntry?.title ?? gone }),
          to: n.changelogEntry ? { name: 'whats-new', entry: n.changelogEntry.id } : null,
        };
      default:
        return {
          text: t(msg('“{title}” is now {status}'), { title, status: statusName(n.status ?? '') }),
          to: thread,
        };
    }
  }

  #notification(n: Notification) {
    const { text, to } = this.#describe(n);
    const open = () => to && this.dispatchEvent(new NavigateEvent(to));
    return html`<li class=${n.unread ? 'new' : ''}>
      ${n.unread ? html`<span class="badge">${msg('New', { id: 'notification-new', desc: 'Badge of an unread notification' })}</span> ` : nothing}
      ${to ? html`<button class="link" @click=${open}>${text}</button>` : text}
      <span class="muted">· ${timeAgo(n.createdAt, Date.now(), currentLocale())}</span></li>`;
  }

  #email(a: Account) {
    return html`<h3>${msg('Emails')}</h3>
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
        ${msg('Voting for an idea also sends me its updates (when it is planned, shipped or merged)')}</label>
      <label for="digest">${msg('How often')}
        <select id="digest" @change=${(e: Event) => this.#mutate(SET_DIGEST, { digest: (e.target as HTMLSelectElement).value as EmailDigest })}>
          ${Object.entries({ IMMEDIATE: msg('Right away'), DAILY: msg('Once a day'), NEVER: msg('Never') }).map(([value, label]) => html`<option value=${value} ?selected=${value === a.emailDigest}>${label}</option>`)}
        </select></label>`;
  }

  #deletion(a: Account) {
    if (a.deletionDueAt) {
      return html`<p>${t(msg('Your account will be erased on {date}.'), { date: dateOnly(a.deletionDueAt, currentLocale()) })}</p>
        <button class="btn" @click=${this.#keep}>${msg('Keep my account')}</button>`;
    }
    if (this.confirming) {
      return html`<p>${msg('After a grace period (a week, unless this community chose otherwise) your name, email and sign-in are erased; what you wrote stays as “Deleted member” or is removed, as this community decided. You can change your mind until then.')}</p>
        <button class="btn primary" @click=${this.#delete}>${msg('Yes, delete my account')}</button>
        <button class="btn" @click=${() => {
          this.confirming = false;
        }}>${msg('Cancel')}</button>`;
    }
    return html`<button class="btn" @click=${() => {
      this.confirming = true;
    }}>${msg('Delete my account')}</button>`;
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    const a = this.account;
    const notifications = a?.notifications?.edges.map((e) => e.node) ?? [];
    return html`<section aria-labelledby="account-title">
      <button class="link" @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'list' }))}>${msg('Back to the posts')}</button>
      <h2 id="account-title">${msg('Your account')}</h2>
      <p class="error" role="alert">${this.problem}</p>
      ${
        a
          ? html`<h3>${msg('Notifications')}</h3>
            ${notifications.length ? html`<ul>${notifications.map((n) => this.#notification(n))}</ul>` : html`<p class="muted">${msg('Nothing new in the threads you follow.')}</p>`}
            ${this.#email(a)}
            <h3>${msg('Your data')}</h3><p class="muted">${msg('Download everything this community holds about you, as a JSON file.')}</p>
            <button class="btn" @click=${this.#download}>${msg('Download my data')}</button>
            <h3>${msg('Delete your account')}</h3>${this.#deletion(a)}`
          : html`<p class="muted" aria-busy="true">${loading()}</p>`
      }
      <p class="muted" role="status">${this.done}</p>
    </section>`;
  }
}

if (!customElements.get('rapport-account')) customElements.define('rapport-account', AccountPanel);
