import { keepSubscribed } from '@rapport/shared/client/live.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { durationSince } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { ListController } from '../client/query.ts';
import { COMMUNITY_EVENTS, INBOX } from '../graphql.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

interface InboxThread {
  id: string;
  kind: string;
  status: string;
  title: string;
  replyCount: number;
  voteCount: number;
  waitingSince: string | null;
  author: { displayName: string } | null;
  assignee: { name: string } | null;
}

interface InboxPage {
  community: {
    inbox: { edges: { node: InboxThread }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } | null;
}

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
  kind = '';
  status = '';
  assignedToMe = false;
  mentionsMe = false;
  /** The live connection: not yet made, working, or lost and being made again. */
  live: 'connecting' | 'live' | 'reconnecting' = 'connecting';
  #stopLive: (() => void) | undefined;
  #refetchTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #inbox = new ListController<InboxPage, InboxThread, Record<string, unknown>>(
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

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopLive = keepSubscribed(
      this.app.client,
      COMMUNITY_EVENTS,
      { community: this.app.community },
      {
        isStart: (data: { communityEvents: { __typename: string } }) =>
          data.communityEvents.__typename === 'SubscriptionStartedEvent',
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
      },
    );
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
    const s = strings;
    const select = (key: 'kind' | 'status') => (e: Event) => {
      this[key] = (e.target as HTMLSelectElement).value;
    };
    const check = (key: 'assignedToMe' | 'mentionsMe') => (e: Event) => {
      this[key] = (e.target as HTMLInputElement).checked;
    };
    return html`<div class="toolbar" role="group" aria-label="Filters">
      <div class="field"><label for="kind">${s.kindLabel}</label>
        <select id="kind" @change=${select('kind')}>
          <option value="">${s.anyKind}</option>
          ${Object.entries(s.kinds).map(([value, label]) => html`<option value=${value} ?selected=${this.kind === value}>${label}</option>`)}
        </select></div>
      <div class="field"><label for="status">${s.statusLabel}</label>
        <select id="status" @change=${select('status')}>
          <option value="">${s.anyStatus}</option>
          ${Object.entries(s.statuses).map(([value, label]) => html`<option value=${value} ?selected=${this.status === value}>${label}</option>`)}
        </select></div>
      <label class="row"><input type="checkbox" .checked=${this.assignedToMe} @change=${check('assignedToMe')} /> ${s.assignedToMe}</label>
      <label class="row"><input type="checkbox" .checked=${this.mentionsMe} @change=${check('mentionsMe')} /> ${s.mentionsMe}</label>
      <span class="live muted" role="status">${s.liveState[this.live]}</span>
    </div>`;
  }

  #item(thread: InboxThread) {
    const s = strings;
    return html`<li class="panel">
      <a class="title" href="/admin/threads/${encodeURIComponent(thread.id)}">${thread.title}</a>
      <span class="row">
        <span class="badge">${s.kinds[thread.kind] ?? thread.kind}</span>
        <span class="badge">${s.statuses[thread.status] ?? thread.status}</span>
        ${thread.waitingSince ? html`<span class="waiting">${s.waiting(durationSince(thread.waitingSince))}</span>` : nothing}
        <span class="muted">${thread.author?.displayName ?? ''}</span>
        <span class="muted">${s.replies(thread.replyCount)} · ${s.votes(thread.voteCount)}</span>
        <span class="muted">${thread.assignee ? s.assignee(thread.assignee.name) : s.unassigned}</span>
      </span>
    </li>`;
  }

  override render() {
    return html`<h1>${strings.inboxTitle}</h1>
      <p class="muted">${strings.inboxIntro}</p>
      ${this.#filters()}
      ${this.#inbox.renderList(
        (threads) => html`<ol aria-label=${strings.inboxTitle}>${threads.map((t) => this.#item(t))}</ol>`,
        html`<p class="panel">${strings.inboxEmpty}</p>`,
      )}`;
  }
}
