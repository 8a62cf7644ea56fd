import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { fieldStyles } from '@rapport/shared/ui/field-styles.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import type {
  PageInfo,
  SearchHit,
  ThreadKind,
  ThreadOrder,
  ThreadStatus,
  ThreadSummary,
} from '../graphql/documents.ts';
import { THREAD_LIST, THREAD_SEARCH } from '../graphql/documents.ts';
import { currentLocale } from '../i18n/localize.ts';
import { kindNames, loadFailed, loading, replyCount, sortNames, statusNames } from '../i18n/words.ts';
import { searchExcerpt, searchExcerptStyles } from './search-excerpt.ts';

const PAGE = 20;
const SEARCH_DELAY_MS = 300;

/** How the list is sorted and filtered (its toolbar). */
type Filter = Pick<ThreadList, 'orderBy' | 'kind' | 'status' | 'search'>;

/** The list as it opens: the top threads, unfiltered. */
const OPENING: Filter = { orderBy: 'TOP', kind: '', status: '', search: '' };

/** The list's query: a page of threads as `filter` asks, after the cursor `after`; by default the first page shown. */
export const listVariables = (app: App, filter: Filter = OPENING, after: string | null = null) => ({
  community: app.community,
  first: PAGE,
  after,
  orderBy: filter.orderBy,
  kind: filter.kind ? [filter.kind] : null,
  status: filter.status ? [filter.status] : null,
  search: filter.search.trim() || null,
  signedIn: app.session.token !== null,
});

/** A thread as listed; while words are searched, with the text where they were found. */
type ListedThread = ThreadSummary & Partial<Pick<SearchHit, 'excerpt' | 'matchedIn'>>;

/** The search's query: the list's filters, its words, most relevant first. */
const searchVariables = (app: App, filter: Filter, after: string | null) => {
  const { orderBy: _order, ...variables } = listVariables(app, filter, after);
  return { ...variables, search: filter.search.trim() };
};

/** Browse the community: sort, filter, search as you type (most relevant first), and "Load more". */
export class ThreadList extends LitElement {
  static override properties = {
    app: { attribute: false },
    orderBy: { state: true },
    kind: { state: true },
    status: { state: true },
    search: { state: true },
    threads: { state: true },
    pageInfo: { state: true },
    loading: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    fieldStyles,
    searchExcerptStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: end;
        margin-bottom: var(--_space);
      }
      .search {
        flex: 1 1 14em;
      }
      .sorts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em;
      }
      .sorts button[aria-pressed='true'] {
        background: var(--_surface);
        border-color: var(--_text);
        font-weight: 600;
      }
      .filters {
        display: flex;
        gap: 0.5em;
        flex: 1 1 100%;
      }
      .filters label,
      .search label {
        font-weight: 400;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        gap: var(--_space);
        align-items: flex-start;
        padding: var(--_space) 0;
        border-top: 1px solid var(--_border);
      }
      .title {
        all: unset;
        display: block;
        font-weight: 600;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      .title:hover {
        text-decoration: underline;
      }
      /* "all: unset" above also took the focus ring away. */
      .title:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
        border-radius: 2px;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.6em;
        align-items: center;
        margin-top: 0.2em;
      }
      .answered {
        color: var(--_success);
        border-color: currentColor;
        background: transparent;
      }
      .more {
        display: flex;
        justify-content: center;
        padding: var(--_space);
      }
    `,
  ];

  declare app: App;
  orderBy: ThreadOrder = OPENING.orderBy;
  kind: ThreadKind | '' = OPENING.kind;
  status: ThreadStatus | '' = OPENING.status;
  search: string = OPENING.search;
  threads: ListedThread[] = [];
  pageInfo: PageInfo = { hasNextPage: false, endCursor: null };
  loading = false;
  problem = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Only the newest request may fill the list: answers to older filters are dropped. */
  #request = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.threads.length) void this.load(false);
  }

  /** Reloads the first page (after posting, or when the visitor signs in). */
  refresh(): Promise<void> {
    return this.load(false);
  }

  async load(more: boolean): Promise<void> {
    const request = ++this.#request;
    const before = more ? this.threads : [];
    this.loading = true;
    this.problem = '';
    const after = more ? this.pageInfo.endCursor : null;
    const show = (rows: ListedThread[], pageInfo: PageInfo) => {
      if (request !== this.#request) return;
      this.threads = [...before, ...rows];
      this.pageInfo = pageInfo;
      this.loading = false;
    };
    // The rows paint with the first part; whether the viewer voted arrives deferred (in the same
    // response when the server has it at hand).
    const result = this.search.trim()
      ? await this.app.client.query(THREAD_SEARCH, searchVariables(this.app, this, after), (part) => {
          const found = part.data?.community?.search;
          if (found)
            show(
              found.edges.map(({ node }) => ({ ...node.thread, excerpt: node.excerpt, matchedIn: node.matchedIn })),
              found.pageInfo,
            );
        })
      : await this.app.client.query(THREAD_LIST, listVariables(this.app, this, after), (part) => {
          const connection = part.data?.community?.threads;
          if (connection)
            show(
              connection.edges.map((e: { node: ThreadSummary }) => e.node),
              connection.pageInfo,
            );
        });
    if (request !== this.#request) return;
    this.loading = false;
    const data = result.data?.community;
    if (!(data && ('search' in data ? data.search : data.threads)))
      this.problem = problemOf(result.error)?.message ?? loadFailed();
  }

  #set(change: Partial<Pick<ThreadList, 'orderBy' | 'kind' | 'status'>>): void {
    Object.assign(this, change);
    void this.load(false);
  }

  #onSearch(value: string): void {
    this.search = value;
    // The next page of the words before is not the next page of these: "Load more" waits.
    this.pageInfo = { hasNextPage: false, endCursor: null };
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.load(false), SEARCH_DELAY_MS);
  }

  #open(thread: ListedThread): void {
    this.dispatchEvent(new NavigateEvent({ name: 'thread', id: thread.id }));
  }

  /** Keeps a row in step after a vote made here or seen in the thread view. */
  updateThread(id: string, change: Partial<ThreadSummary>): void {
    this.threads = this.threads.map((t) => (t.id === id ? { ...t, ...change } : t));
  }

  /** Puts focus back on a thread's title (when returning from it). */
  focusThread(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    const kinds = kindNames();
    const statuses = statusNames();
    const sorts = sortNames();
    return html`
      <div class="toolbar" part="toolbar">
        <div class="search field">
          <label for="search">${msg('Search')}</label>
          <input id="search" type="search" part="input" placeholder=${msg('Search ideas and questions')} maxlength="100"
            .value=${this.search} @input=${(e: Event) => this.#onSearch((e.target as HTMLInputElement).value)} />
        </div>
        ${
          // Found threads come most relevant first: a sort would not apply.
          this.search.trim()
            ? nothing
            : html`<div class="sorts" role="group" aria-label=${msg('Sort')}>
          ${(Object.keys(sorts) as ThreadOrder[]).map(
            (order) => html`<button class="btn" aria-pressed=${this.orderBy === order ? 'true' : 'false'}
              @click=${() => this.#set({ orderBy: order })}>${sorts[order]}</button>`,
          )}
        </div>`
        }
        <div class="filters">
          <div class="field">
            <label for="kind">${msg('Kind')}</label>
            <select id="kind" .value=${this.kind} @change=${(e: Event) => this.#set({ kind: (e.target as HTMLSelectElement).value as ThreadKind })}>
              <option value="">${msg('All kinds')}</option>
              ${Object.entries(kinds).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="status">${msg('Status')}</label>
            <select id="status" .value=${this.status} @change=${(e: Event) => this.#set({ status: (e.target as HTMLSelectElement).value as ThreadStatus })}>
              <option value="">${msg('Any status')}</option>
              ${Object.entries(statuses).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
            </select>
          </div>
        </div>
      </div>
      ${
        this.problem
          ? html`<p class="error" role="alert">${this.problem}
            <button class="btn" @click=${() => this.load(false)}>${msg('Try again')}</button></p>`
          : nothing
      }
      <ul aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.threads.map(
          (t) => html`<li part="thread">
            <rapport-vote .app=${this.app} .threadId=${t.id} .count=${t.voteCount} .voted=${t.viewerHasVoted ?? false}
              .label=${t.title} @rapport-voted=${(e: CustomEvent) => this.updateThread(t.id, { voteCount: e.detail.count, viewerHasVoted: e.detail.voted })}></rapport-vote>
            <div>
              <button class="title" part="thread-title" data-id=${t.id} @click=${() => this.#open(t)}>${t.title}</button>
              <div class="meta muted">
                <span class="badge">${kinds[t.kind]}</span>
                ${t.status !== 'OPEN' ? html`<span class="badge" part="status">${statuses[t.status]}</span>` : nothing}
                ${t.answeredByStaff ? html`<span class="badge answered" part="answered">✓ ${msg('Answered by staff')}</span>` : nothing}
                ${t.withdrawnAt ? html`<span class="badge">${msg('Withdrawn')}</span>` : nothing}
                <span>${replyCount(t.replyCount)}</span>
                <span>${t.author?.displayName} · <time datetime=${t.createdAt}>${timeAgo(t.createdAt, Date.now(), currentLocale())}</time></span>
              </div>
              ${searchExcerpt(t)}
            </div>
          </li>`,
        )}
      </ul>
      ${
        !this.loading && !this.problem && this.threads.length === 0
          ? html`<p class="muted">${this.search ? msg('No posts match your search.') : this.kind || this.status ? msg('No posts with this status or kind yet.') : msg('Nothing here yet. Be the first to post!')}</p>`
          : nothing
      }
      ${this.loading && this.threads.length === 0 ? html`<p class="muted">${loading()}</p>` : nothing}
      ${
        this.pageInfo.hasNextPage
          ? html`<div class="more"><button class="btn" ?disabled=${this.loading} @click=${() => this.load(true)}>${msg('Load more')}</button></div>`
          : nothing
      }
    `;
  }
}
