import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { keepSubscribed } from '@rapport/shared/client/live.ts';
import { authorLine, authorStyles } from '@rapport/shared/ui/author.ts';
import { linkButtonStyles } from '@rapport/shared/ui/link-button.ts';
import { formattedText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import type { Reply, Thread, ThreadEvent } from '../graphql/thread.ts';
import { FOLLOW, MORE_REPLIES, THREAD_EVENTS, THREAD_VIEW, UNFOLLOW } from '../graphql/thread.ts';
import { authorLabels } from '../i18n/labels.ts';
import { t as fmt } from '../i18n/localize.ts';
import { kindNames, loadFailed, loading, networkError, replyCount, statusName, statusNames } from '../i18n/words.ts';

/**
 * One thread: the post, its status and the staff note, the replies, and the reply form. It stays
 * live: replies, status changes and vote counts arrive as they happen, and after a dropped
 * connection it catches up on what it missed.
 */
export class ThreadView extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    thread: { state: true },
    replies: { state: true },
    missing: { state: true },
    problem: { state: true },
    live: { state: true },
    announcement: { state: true },
    moreReplies: { state: true },
  };

  static override styles = [
    theme,
    authorStyles,
    linkButtonStyles,
    css`
      .back {
        margin-bottom: var(--_space);
      }
      .head {
        display: flex;
        gap: var(--_space);
        align-items: flex-start;
      }
      h2 {
        margin: 0 0 0.3em;
        font-size: 1.3em;
        line-height: 1.3;
        overflow-wrap: anywhere;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
        align-items: center;
        margin-bottom: var(--_space);
      }
      .status-note {
        margin: var(--_space) 0;
        padding: var(--_space);
        border-inline-start: 4px solid var(--_accent);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .status-note strong {
        display: block;
        margin-bottom: 0.3em;
      }
      ol {
        list-style: none;
        margin: var(--_space) 0 0;
        padding: 0;
      }
      li {
        padding: var(--_space) 0;
        border-top: 1px solid var(--_border);
      }
      li.staff {
        background: var(--_surface);
        padding-inline: var(--_space);
        border-radius: var(--_radius);
      }
      li .text {
        margin-top: 0.4em;
      }
      .live {
        font-size: 0.8em;
      }
    `,
  ];

  declare app: App;
  declare threadId: string;
  thread: Thread | undefined;
  replies: Reply[] = [];
  missing = false;
  problem = '';
  live: 'live' | 'reconnecting' | '' = '';
  announcement = '';
  /** More replies than the first page: "Show more replies". */
  moreReplies = false;
  #cursor: string | null = null;
  #stopLive: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const loaded = this.#load();
    this.#stopLive = keepSubscribed<{ threadEvents: ThreadEvent }>(
      this.app.client.live(THREAD_EVENTS, { community: this.app.community, id: this.threadId }),
      {
        isStart: (data) => data.threadEvents.__typename === 'SubscriptionStartedEvent',
        onConnected: (afterGap) => {
          this.live = 'live';
          // After a gap, and on the first start too: a reply posted after the thread was read and
          // before the subscription took hold would be missing until the next gap. (On the first
          // start only if every reply is shown: later ones wait behind "Show more replies".)
          void loaded.then(() => {
            if (afterGap || !this.moreReplies) return this.#catchUp();
          });
        },
        onEvent: (data) => this.#apply(data.threadEvents),
        onDisconnected: () => {
          this.live = 'reconnecting';
        },
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
  }

  /**
   * Who is looking changed (signed in or out, or their guest posts became theirs): what is theirs
   * (votes, follows, what they may edit) is read again. A reply being written stays.
   */
  refresh(): Promise<void> {
    return this.#load(false);
  }

  async #load(focus = true): Promise<void> {
    this.problem = '';
    let shown = false;
    const result = await this.app.client.query(
      THREAD_VIEW,
      { community: this.app.community, id: this.threadId, signedIn: this.app.session.token !== null },
      (part) => {
        const thread = part.data?.community?.thread;
        if (!thread) return;
        this.thread = thread;
        this.#merge(
          thread.replies.edges.map((e) => e.node),
          !focus,
        );
        // A refresh reads the first page again; replies loaded past it stay, and so does the place.
        if (focus || !this.#cursor) {
          this.#cursor = thread.replies.pageInfo.endCursor ?? this.#cursor;
          this.moreReplies = thread.replies.pageInfo.hasNextPage;
        }
        // The heading takes the focus as soon as the thread is drawn, not when the last deferred
        // part arrives: by then the visitor may have opened a form, whose focus it would steal.
        if (focus && !shown) {
          shown = true;
          void this.updateComplete.then(() => this.renderRoot.querySelector('h2')?.focus());
        }
      },
    );
    if (!this.thread) {
      if (result.data?.community && !result.data.community.thread) this.missing = true;
      else this.problem = problemOf(result.error)?.message ?? loadFailed();
      return;
    }
  }

  /**
   * The replies after the last one shown, and fresh counts: "Show more replies", and catching up
   * after a gap in live updates.
   */
  async #catchUp(): Promise<void> {
    const result = await this.app.client.query(MORE_REPLIES, {
      community: this.app.community,
      id: this.threadId,
      after: this.#cursor,
    });
    const fresh = result.data?.community?.thread;
    if (!fresh || !this.thread) return;
    this.thread = { ...this.thread, voteCount: fresh.voteCount, replyCount: fresh.replyCount, status: fresh.status };
    this.#merge(fresh.replies.edges.map((e: { node: Reply }) => e.node));
    this.#cursor = fresh.replies.pageInfo.endCursor ?? this.#cursor;
    this.moreReplies = fresh.replies.pageInfo.hasNextPage;
  }

  /** Adds replies not shown yet; `replace`: also takes the fresh copies of those that are. */
  #merge(replies: Reply[], replace = false): void {
    const fresh = new Map(replies.map((r) => [r.id, r]));
    const known = new Set(this.replies.map((r) => r.id));
    const added = replies.filter((r) => !known.has(r.id));
    if (added.length || replace)
      this.replies = [...this.replies.map((r) => (replace && fresh.get(r.id)) || r), ...added];
  }

  #apply(event: ThreadEvent): void {
    if (!this.thread) return;
    switch (event.__typename) {
      case 'ReplyAddedEvent': {
        const isNew = !this.replies.some((r) => r.id === event.reply.id);
        this.#merge([event.reply]);
        if (isNew) {
          this.thread = { ...this.thread, replyCount: this.thread.replyCount + 1 };
          this.announcement = fmt(msg('New reply from {name}'), { name: event.reply.author?.displayName ?? '' });
        }
        break;
      }
      case 'StatusChangedEvent':
        this.thread = { ...this.thread, status: event.statusChange.to, lastStatusChange: event.statusChange };
        this.announcement = fmt(msg('Status changed to {status}'), { status: statusName(event.statusChange.to) });
        break;
      case 'VoteCountChangedEvent':
        this.thread = { ...this.thread, voteCount: event.voteCount };
        break;
      case 'ThreadEditedEvent':
        this.#patchThread(event.thread);
        break;
      case 'ThreadRemovedEvent':
        this.#threadRemoved();
        break;
      case 'ReplyEditedEvent':
        this.#replaceReply(event.reply);
        break;
      case 'ReplyRemovedEvent':
        this.#dropReply(event.replyId);
        break;
    }
  }

  #patchThread(change: Partial<Thread>): void {
    if (this.thread) this.thread = { ...this.thread, ...change };
  }

  #replaceReply(reply: Reply): void {
    this.replies = this.replies.map((r) => (r.id === reply.id ? { ...r, ...reply } : r));
  }

  #dropReply(id: string): void {
    if (!this.thread || !this.replies.some((r) => r.id === id)) return;
    this.replies = this.replies.filter((r) => r.id !== id);
    this.thread = { ...this.thread, replyCount: this.thread.replyCount - 1 };
  }

  #threadRemoved(): void {
    this.thread = undefined;
    this.missing = true;
    this.dispatchEvent(new CustomEvent('rapport-posted', { bubbles: true, composed: true }));
  }

  #replied(event: CustomEvent<Reply>): void {
    if (!this.thread) return;
    // The live event may have brought the reply already; either way the author now follows.
    const isNew = !this.replies.some((r) => r.id === event.detail.id);
    this.#merge([event.detail]);
    this.thread = {
      ...this.thread,
      replyCount: this.thread.replyCount + (isNew ? 1 : 0),
      viewerIsFollowing: true,
    };
  }

  async #toggleFollow(): Promise<void> {
    const thread = this.thread;
    if (!thread || !(await this.app.ensureSession())) return;
    const following = !thread.viewerIsFollowing;
    this.thread = { ...thread, viewerIsFollowing: following };
    const result = following
      ? await this.app.client.mutation(FOLLOW, { id: thread.id })
      : await this.app.client.mutation(UNFOLLOW, { id: thread.id });
    const saved = result.data && ('follow' in result.data ? result.data.follow : result.data.unfollow);
    if (this.thread) this.thread = { ...this.thread, viewerIsFollowing: saved ? saved.viewerIsFollowing : !following };
    if (!saved) this.problem = problemOf(result.error)?.message ?? networkError();
  }

  #back(): void {
    this.dispatchEvent(new NavigateEvent({ name: 'list' }));
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    const t = this.thread;
    const labels = authorLabels();
    const back = html`<button class="btn back" part="button" @click=${this.#back}>← ${msg('Back to all posts')}</button>`;
    if (this.missing) return html`${back}<p>${msg('This post is not available any more.')}</p>`;
    if (!t) {
      return html`${back}${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : html`<p class="muted">${loading()}</p>`}`;
    }
    const note = t.lastStatusChange;
    return html`
      ${back}
      <article part="thread-view">
        <div class="head">
          <rapport-vote .app=${this.app} .threadId=${t.id} .count=${t.voteCount} .voted=${t.viewerHasVoted ?? false}
            .label=${t.title} @rapport-voted=${(e: CustomEvent) => {
              if (this.thread)
                this.thread = { ...this.thread, voteCount: e.detail.count, viewerHasVoted: e.detail.voted };
            }}></rapport-vote>
          <div>
            <h2 tabindex="-1" part="thread-title">${t.title}</h2>
            <div class="meta">
              <span class="badge">${kindNames()[t.kind]}</span>
              <span class="badge" part="status">${statusNames()[t.status]}</span>
              ${t.answeredByStaff ? html`<span class="badge">✓ ${msg('Answered by staff')}</span>` : nothing}
              <button class="btn" part="button" aria-pressed=${t.viewerIsFollowing ? 'true' : 'false'} title=${msg('Get updates when someone replies or the status changes')}
                @click=${this.#toggleFollow}>${t.viewerIsFollowing ? msg('Following') : msg('Follow')}</button>
              <rapport-share .app=${this.app} .threadId=${t.id} .threadTitle=${t.title}></rapport-share>
              ${t.viewerIsAuthor ? nothing : html`<rapport-report .app=${this.app} .threadId=${t.id}></rapport-report>`}
              <span class="live muted" aria-hidden="true">${this.live === 'live' ? `● ${msg('Live')}` : this.live === 'reconnecting' ? msg('Reconnecting…') : ''}</span>
            </div>
          </div>
        </div>
        ${authorLine(t.author, this.app.brand, t.createdAt, labels)}
        <rapport-editable-text .app=${this.app} kind="thread" .item=${t}
          @rapport-edited=${(e: CustomEvent<Partial<Thread>>) => this.#patchThread(e.detail)}
          @rapport-removed=${this.#threadRemoved}></rapport-editable-text>
        ${
          t.mergedInto
            ? html`<p class="merged" part="merged" role="note">${msg('This post was merged into')} <button class="btn" part="button"
                @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'thread', id: t.mergedInto?.id ?? '' }))}>${t.mergedInto.title}</button></p>`
            : nothing
        }
        ${
          note
            ? html`<aside class="status-note" part="status-note">
              <strong>${fmt(msg('{status} — update from {name}'), { status: statusName(note.to), name: note.staff.displayName })}</strong>
              ${formattedText(note.noteFormatted)}
              ${
                note.changelogEntry
                  ? html`<p><button class="link" @click=${() =>
                      this.dispatchEvent(
                        new NavigateEvent({ name: 'whats-new', entry: note.changelogEntry?.id ?? '' }),
                      )}>${fmt(msg('Shipped in “{title}”'), { title: note.changelogEntry.title })}</button></p>`
                  : nothing
              }
              ${authorLine(note.staff, this.app.brand, note.createdAt, labels)}
            </aside>`
            : nothing
        }
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        <h3 class="sr-only">${replyCount(t.replyCount)}</h3>
        <ol part="replies">
          ${repeat(
            this.replies,
            (r) => r.id,
            (r) => html`<li class=${r.author?.__typename === 'StaffMember' ? 'staff' : ''} part="reply">
              ${authorLine(r.author, this.app.brand, r.createdAt, labels)}
              ${r.isHelpful ? html`<span class="badge helpful" part="helpful">✓ ${msg('Helpful')}</span>` : nothing}
              <rapport-editable-text .app=${this.app} kind="reply" .item=${r}
                @rapport-edited=${(e: CustomEvent<Reply>) => this.#replaceReply(e.detail)}
                @rapport-removed=${(e: CustomEvent<string>) => this.#dropReply(e.detail)}></rapport-editable-text>
              ${r.viewerIsAuthor ? nothing : html`<rapport-report .app=${this.app} .threadId=${t.id} .replyId=${r.id}></rapport-report>`}
            </li>`,
          )}
        </ol>
        ${this.moreReplies ? html`<button class="btn" part="button" @click=${() => this.#catchUp()}>${msg('Show more replies')}</button>` : nothing}
        ${
          t.isLocked
            ? html`<p class="muted">${msg('This thread is closed to new replies.')}</p>`
            : html`<rapport-reply-form .app=${this.app} .threadId=${t.id} @rapport-replied=${this.#replied}></rapport-reply-form>`
        }
      </article>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}
