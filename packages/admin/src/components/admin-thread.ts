import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { keepSubscribed } from '@rapport/shared/client/live.ts';
import { authorStyles } from '@rapport/shared/ui/author.ts';
import { formattedText, richText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { liveOf } from '../client/live.ts';
import { mutate } from '../client/mutate.ts';
import { ListController, QueryController } from '../client/query.ts';
import {
  MARK_HELPFUL,
  MODERATE_REPLY,
  type Reply,
  THREAD,
  THREAD_EVENTS,
  THREAD_REPLIES,
  type Thread,
} from '../documents/thread.ts';
import { t } from '../i18n/localize.ts';
import { kindName, replyCount, statusName, voteCount, waitingSince } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';
import { adminAuthorLine } from './author.ts';

/** "Hidden from customers: spam", the moderator's reason. */
const hiddenBecause = (reason: string | null) => t(msg('Hidden from customers: {reason}'), { reason: reason ?? '' });

/**
 * One thread as staff see it: the conversation (hidden replies included, marked), a reply form
 * with a preview, and beside it the customer's relationship brief and the thread's actions. Live:
 * replies and changes by others appear as they happen.
 */
export class AdminThread extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
  };

  static override styles = [
    theme,
    adminStyles,
    authorStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(16em, 1fr);
        gap: 1.2em;
        align-items: start;
      }
      @media (max-width: 50em) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      article,
      .replies > li {
        display: grid;
        gap: 0.5em;
      }
      .replies {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.6em;
      }
      .hidden {
        opacity: 0.75;
        border-style: dashed;
      }
      .notice {
        font-weight: 600;
      }
      .waiting {
        color: var(--_danger);
        font-weight: 600;
      }
    `,
  ];

  declare app: AdminApp;
  declare threadId: string;
  #stopLive: (() => void) | undefined;
  #liveFor = '';

  readonly #thread = new QueryController(this, THREAD, () => ({
    community: this.app.community,
    id: this.threadId,
  }));

  /** The conversation, oldest first, a hundred replies at a time. */
  readonly #replies = new ListController(
    this,
    THREAD_REPLIES,
    () => ({ community: this.app.community, id: this.threadId }),
    (data) => data.community?.thread?.replies,
  );

  /** Something changed (here or elsewhere): show it, keeping the replies already shown. */
  readonly #refresh = () => {
    void this.#thread.refresh();
    void this.#replies.refresh();
  };

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override updated(): void {
    // Lit still updates a removed element when an answer it waited for comes in: subscribing then
    // would leave a stream open that nothing stops (and, six of them, block the browser's
    // connections to the server).
    if (!this.isConnected || this.#liveFor === this.threadId) return;
    this.#stopLive?.();
    this.#liveFor = this.threadId;
    this.#stopLive = keepSubscribed(
      liveOf(this.app.client, THREAD_EVENTS, { community: this.app.community, id: this.threadId }),
      {
        isStart: (data) => data.threadEvents.__typename === 'SubscriptionStartedEvent',
        // On the first start too: a reply posted after the thread was read and before the
        // subscription took hold would otherwise wait for the next event.
        onConnected: this.#refresh,
        onEvent: this.#refresh,
        onDisconnected: () => {},
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLive?.();
    this.#liveFor = '';
  }

  /** Staff mark a customer's good answer helpful: customers see it, and it counts for the author. */
  #helpful(reply: Reply) {
    if (reply.author?.__typename !== 'Member' || reply.isHidden) return nothing;
    return html`<button class="btn" aria-pressed=${reply.isHelpful ? 'true' : 'false'} @click=${async () => {
      const outcome = await mutate(this.app, MARK_HELPFUL, { id: reply.id, helpful: !reply.isHelpful });
      if (!outcome.problem) this.#refresh();
    }}>${reply.isHelpful ? msg('Helpful ✓ (undo)') : msg('Mark helpful')}</button>`;
  }

  #moderateReply(reply: Reply) {
    if (!this.app.isManager) return nothing;
    if (reply.isHidden) {
      return html`<button class="btn" @click=${async () => {
        const outcome = await mutate(this.app, MODERATE_REPLY, { id: reply.id, reason: '', hide: false });
        if (!outcome.problem) this.#refresh();
      }}>${msg('Restore')}</button>`;
    }
    const hide = async (reason: string): Promise<Problem | undefined> => {
      const outcome = await mutate(this.app, MODERATE_REPLY, { id: reply.id, reason, hide: true });
      if (!outcome.problem) this.#refresh();
      return outcome.problem;
    };
    return html`<admin-reason-action label=${msg('Hide')} .action=${hide}></admin-reason-action>`;
  }

  #reply(reply: Reply) {
    return html`<li class="panel ${reply.isHidden ? 'hidden' : ''}" id="reply-${reply.id}">
      ${adminAuthorLine(reply.author, this.app.brand, reply.createdAt)}
      ${reply.isHidden ? html`<p class="notice error">${hiddenBecause(reply.hiddenReason)}</p>` : nothing}
      ${reply.bodyFormatted ? formattedText(reply.bodyFormatted) : richText(reply.body)}
      <div class="row">${this.#helpful(reply)} ${this.#moderateReply(reply)}
        ${
          reply.viewerCanEdit
            ? html`<admin-own-reply .app=${this.app} .replyId=${reply.id} .body=${reply.body}
                @rapport-changed=${() => this.#refresh()}></admin-own-reply>`
            : nothing
        }</div>
    </li>`;
  }

  #conversation(thread: Thread, staffMembers: { id: string; name: string }[]) {
    const merged = thread.mergedInto;
    const mergedLink = merged && `/admin/threads/${encodeURIComponent(merged.id)}`;
    const note = thread.lastStatusChange?.note;
    return html`<div class="layout">
      <div>
        <article class="panel ${thread.isHidden ? 'hidden' : ''}" aria-labelledby="title">
          <span class="row">
            <span class="badge">${kindName(thread.kind)}</span>
            <span class="badge">${statusName(thread.status)}</span>
            ${thread.waitingSince && !merged ? html`<span class="waiting">${waitingSince(thread.waitingSince)}</span>` : nothing}
          </span>
          <h1 id="title">${thread.title}</h1>
          ${adminAuthorLine(thread.author, this.app.brand, thread.createdAt)}
          ${thread.isHidden ? html`<p class="notice error">${hiddenBecause(thread.hiddenReason)}</p>` : nothing}
          ${thread.isLocked ? html`<p class="notice">${msg('Locked: customers cannot reply.')}</p>` : nothing}
          ${thread.withdrawnAt ? html`<p class="notice">${msg('Its author withdrew it: customers see the conversation without this text.')}</p>` : nothing}
          ${
            merged
              ? html`<p class="notice"><a href=${mergedLink}>${t(msg('Merged into “{title}”'), { title: merged.title })}</a></p>`
              : nothing
          }
          ${thread.bodyFormatted ? formattedText(thread.bodyFormatted) : richText(thread.body)}
          <span class="muted">${voteCount(thread.voteCount)} · ${t(msg('{count, plural, one {# follower} other {# followers}}'), { count: thread.followerCount })} · ${replyCount(thread.replyCount)}</span>
          ${
            note && thread.lastStatusChange
              ? html`<p class="muted">${t(msg('{name}: “{note}”', { desc: 'A staff member and the note they left when changing the status' }), { name: thread.lastStatusChange.staff.name, note })}</p>`
              : nothing
          }
        </article>
        <h2>${msg('Conversation')}</h2>
        ${this.#replies.renderList(
          (replies) =>
            html`<ol class="replies" aria-label=${msg('Conversation')}>${repeat(
              replies,
              (r) => r.id,
              (r) => this.#reply(r),
            )}</ol>`,
          // A merged duplicate waits for nobody: the conversation goes on where it was merged.
          html`<p class="muted">${merged ? msg('No replies here: this thread was merged into another.') : msg('No replies yet. The customer is waiting for you.')}</p>`,
          msg('Show more replies'),
        )}
        ${
          merged
            ? html`<p class="panel">${msg('Replies go to the thread it was merged into:')} <a href=${mergedLink}>${merged.title}</a></p>`
            : html`<admin-reply-form class="panel" .app=${this.app} .threadId=${thread.id} @rapport-replied=${this.#refresh}></admin-reply-form>`
        }
      </div>
      <aside aria-label=${msg('About this thread')} @rapport-changed=${this.#refresh}>
        ${
          thread.author?.__typename === 'Member' && thread.author.id
            ? html`<admin-customer-panel .app=${this.app} .memberId=${thread.author.id}></admin-customer-panel>`
            : nothing
        }
        <admin-thread-actions .app=${this.app} .thread=${thread} .staffMembers=${staffMembers}></admin-thread-actions>
        ${
          merged
            ? nothing
            : html`<admin-merge-form .app=${this.app} .threadId=${thread.id} .threadTitle=${thread.title}
              .threadBody=${thread.body}></admin-merge-form>`
        }
      </aside>
    </div>`;
  }

  override render() {
    return html`<p><a href="/admin">${msg('← Inbox')}</a></p>
      ${this.#thread.render((data) => {
        const thread = data.community?.thread;
        if (!thread) return html`<p class="panel" role="alert">${msg('This thread does not exist (any more).')}</p>`;
        return this.#conversation(thread, data.community?.staffMembers ?? []);
      })}`;
  }
}
