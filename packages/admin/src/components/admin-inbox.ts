import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { keepSubscribed } from '@rapport/shared/client/live.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { liveOf } from '../client/live.ts';
import { ListController } from '../client/query.ts';
import { COMMUNITY_EVENTS, INBOX, type InboxThread } from '../documents/inbox.ts';
import type { ThreadKind, ThreadStatus } from '../generated/graphql.ts';
import { t } from '../i18n/localize.ts';
import { kindName, kindNames, replyCount, statusName, statusNames, voteCount, waitingSince } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

// Many events can arrive together (a busy thread); one refetch answers them all.
const REFETCH_DELAY_MS = 300;

/**
 * Customers waiting for an answer, the longest wait first, with filters. Live: new threads and
 * replies appear without a reload; after a dropped connection it catches up on what it missed.
 */
export class AdminInbox extends LitElement {
  static override properties = {
    app: { attribute: false },
    kind: { state: true },
    status: { state: true },
    assignedToMe: { state: true },
    mentionsMe: { state: true },
    live: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li {
        display: grid;
        gap: 0.25em;
      }
      .title {
        font-weight: 600;
        font-size: 1.05em;
      }
      .waiting {
        color: var(--_danger);
        font-weight: 600;
      }
      .live {
        margin-inline-start: auto;
      }
    `,
  ];

  declare app: AdminApp;
  kind: ThreadKind | '' = '';
  status: ThreadStatus | '' = '';
  assignedToMe = false;
  mentionsMe = false;
  /** The live connection: not yet made, working, or lost and being made again. */
  live: 'connecting' | 'live' | 'reconnecting' = 'connecting';
  #stopLive: (() => void) | undefined;
  #refetchTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #inbox = new ListController(
    this,
    INBOX,
    () => ({
      community: this.app.community,
      kind: this.kind ? [this.kind] : null,
      status: this.status ? [this.status] : null,
      assignedToMe: this.assignedToMe || null,
      mentionsMe: this.mentionsMe || null,
    }),
    (data) => data.community?.inbox,
  );

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopLive = keepSubscribed(liveOf(this.app.client, COMMUNITY_EVENTS, { community: this.app.community }), {
      isStart: (data) => data.communityEvents.__typename === 'SubscriptionStartedEvent',
      onConnected: () => {
        this.live = 'live';
        // On the first start too: a thread that came in after the inbox was read and before
        // the subscription took hold would otherwise wait for the next event.
        this.#refetchSoon();
      },
      onEvent: () => this.#refetchSoon(),
      onDisconnected: () => {
        this.live = 'reconnecting';
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
    clearTimeout(this.#refetchTimer);
  }

  #refetchSoon(): void {
    clearTimeout(this.#refetchTimer);
    this.#refetchTimer = setTimeout(() => this.#inbox.refresh(), REFETCH_DELAY_MS);
  }

  #filters() {
    const check = (key: 'assignedToMe' | 'mentionsMe') => (e: Event) => {
      this[key] = (e.target as HTMLInputElement).checked;
    };
    const live = {
      connecting: msg('Connecting…'),
      live: msg('Live: updates appear by themselves'),
      reconnecting: msg('Reconnecting…'),
    };
    return html`<div class="toolbar" role="group" aria-label=${msg('Filters')}>
      <div class="field"><label for="kind">${msg('Kind')}</label>
        <select id="kind" @change=${(e: Event) => {
          this.kind = (e.target as HTMLSelectElement).value as ThreadKind | '';
        }}>
          <option value="">${msg('Any kind')}</option>
          ${Object.entries(kindNames()).map(([value, label]) => html`<option value=${value} ?selected=${this.kind === value}>${label}</option>`)}
        </select></div>
      <div class="field"><label for="status">${msg('Status')}</label>
        <select id="status" @change=${(e: Event) => {
          this.status = (e.target as HTMLSelectElement).value as ThreadStatus | '';
        }}>
          <option value="">${msg('Any status')}</option>
          ${Object.entries(statusNames()).map(([value, label]) => html`<option value=${value} ?selected=${this.status === value}>${label}</option>`)}
        </select></div>
      <label class="row"><input type="checkbox" .checked=${this.assignedToMe} @change=${check('assignedToMe')} /> ${msg('Assigned to me')}</label>
      <label class="row"><input type="checkbox" .checked=${this.mentionsMe} @change=${check('mentionsMe')} /> ${msg('Mentions me')}</label>
      <span class="live muted" role="status">${live[this.live]}</span>
    </div>`;
  }

  #item(thread: InboxThread) {
    return html`<li class="panel">
      <a class="title" href="/admin/threads/${encodeURIComponent(thread.id)}">${thread.title}</a>
      <span class="row">
        <span class="badge">${kindName(thread.kind)}</span>
        <span class="badge">${statusName(thread.status)}</span>
        ${thread.waitingSince ? html`<span class="waiting">${waitingSince(thread.waitingSince)}</span>` : nothing}
        <span class="muted">${thread.author?.displayName ?? ''}</span>
        <span class="muted">${replyCount(thread.replyCount)} · ${voteCount(thread.voteCount)}</span>
        <span class="muted">${thread.assignee ? t(msg('Assigned to {name}'), { name: thread.assignee.name }) : msg('Unassigned')}</span>
      </span>
    </li>`;
  }

  override render() {
    return html`<h1>${msg('Inbox')}</h1>
      <p class="muted">${msg('Customers waiting for an answer, the longest wait first.')}</p>
      ${this.#filters()}
      ${this.#inbox.renderList(
        (threads) => html`<ol aria-label=${msg('Inbox')}>${threads.map((thread) => this.#item(thread))}</ol>`,
        html`<p class="panel">${msg('Nobody is waiting. Well done!')}</p>`,
      )}`;
  }
}
