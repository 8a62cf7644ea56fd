import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { authorLine, authorStyles } from '@rapport/shared/ui/author.ts';
import { formattedText } from '@rapport/shared/ui/rich-text.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { define } from '../define.ts';
import type { PageInfo } from '../graphql/documents.ts';
import type { ChangelogEntry } from '../graphql/whats-new.ts';
import { MARK_NEWS_READ, WHATS_NEW } from '../graphql/whats-new.ts';
import { authorLabels } from '../i18n/labels.ts';
import { loadFailed, loading } from '../i18n/words.ts';

/** Tells the root element What's new was seen (its dot goes). */
export class NewsSeenEvent extends Event {
  constructor() {
    super('rapport-news-seen', { bubbles: true, composed: true });
  }
}

/**
 * "What's new": what the brand shipped, newest first, each entry signed by the staff member who
 * wrote it and linking the threads it delivers. Opening it marks the entries seen. With `entry`
 * (a link from an email), that entry is brought into view.
 */
export class WhatsNew extends LitElement {
  static override properties = {
    app: { attribute: false },
    entry: { attribute: false },
    entries: { state: true },
    pageInfo: { state: true },
    problem: { state: true },
    loading: { state: true },
  };

  static override styles = [
    theme,
    authorStyles,
    css`
      :host {
        display: block;
      }
      article {
        padding: var(--_space) 0;
        border-top: 1px solid var(--_border);
      }
      article:first-of-type {
        border-top: 0;
      }
      h3 {
        margin: 0 0 0.4em;
        font-size: 1.15em;
      }
      h3:focus-visible,
      .thread:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      .delivers ul {
        margin: 0.3em 0 0;
        padding-inline-start: 1.2em;
      }
      .thread {
        border: 0;
        background: none;
        padding: 0;
        color: var(--_accent);
        font: inherit;
        text-decoration: underline;
        cursor: pointer;
        text-align: start;
      }
      .more {
        display: flex;
        justify-content: center;
      }
    `,
  ];

  declare app: App;
  /** The entry to bring into view (its API id), if any. */
  entry: string | null = null;
  entries: ChangelogEntry[] = [];
  pageInfo: PageInfo = { hasNextPage: false, endCursor: null };
  problem = '';
  loading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load(null);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('entries') && this.entry) {
      this.renderRoot.querySelector<HTMLElement>(`[data-entry="${CSS.escape(this.entry)}"] h3`)?.focus();
    }
  }

  async #load(after: string | null): Promise<void> {
    this.loading = true;
    const result = await this.app.client.query(WHATS_NEW, { community: this.app.community, after });
    this.loading = false;
    const page = result.data?.community?.changelog;
    if (!page) {
      this.problem = problemOf(result.error)?.message ?? loadFailed();
      return;
    }
    this.problem = '';
    this.entries = [
      ...this.entries,
      ...page.edges.map((e) => e.node).filter((n): n is ChangelogEntry => n.publishedAt !== null),
    ];
    this.pageInfo = page.pageInfo;
    if (after === null) await this.#seen();
  }

  /** Everything shown is seen: the server remembers it for a member, this browser for a visitor. */
  async #seen(): Promise<void> {
    if (this.app.session.token) await this.app.client.mutation(MARK_NEWS_READ, {});
    this.dispatchEvent(new NewsSeenEvent());
  }

  #entry(e: ChangelogEntry) {
    return html`<article part="changelog-entry" data-entry=${e.id}>
      <h3 tabindex="-1">${e.title}</h3>
      ${authorLine(e.author, this.app.brand, e.publishedAt, authorLabels())}
      ${e.editedAt ? html`<span class="muted">(${msg('edited')})</span>` : nothing}
      ${formattedText(e.bodyFormatted)}
      ${
        e.threads.length
          ? html`<div class="delivers"><strong>${msg('Shipped with this:')}</strong><ul>${e.threads.map(
              (t) =>
                html`<li><button class="thread" @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'thread', id: t.id }))}>${t.title}</button></li>`,
            )}</ul></div>`
          : nothing
      }
    </article>`;
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    if (this.problem && !this.entries.length) return html`<p class="error" role="alert">${this.problem}</p>`;
    if (!this.entries.length) {
      return this.loading
        ? html`<p class="muted" aria-busy="true">${loading()}</p>`
        : html`<p class="muted">${msg('No news yet.')}</p>`;
    }
    return html`${this.entries.map((e) => this.#entry(e))}
      ${
        this.pageInfo.hasNextPage
          ? html`<div class="more"><button class="btn" part="button" ?disabled=${this.loading}
              @click=${() => this.#load(this.pageInfo.endCursor)}>${msg('Load more')}</button></div>`
          : nothing
      }`;
  }
}

define([['rapport-whats-new', WhatsNew]]);
