import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { timeAgo } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { AdminApp } from '../app.ts';
import { type Problem, problemOf } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { MERGE, SEARCH_THREADS, SIMILAR_THREADS, type SimilarThread } from '../documents/thread.ts';
import { currentLocale } from '../i18n/localize.ts';
import { statusName, voteCount } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

const SEARCH_DELAY_MS = 250;

/**
 * Merges a duplicate into another thread: the threads most like this one are offered at once
 * (possible duplicates, by the same finder as the widget's post form); or search for the original
 * by its words. Choose it, merge: votes and followers move there and this thread points to it.
 * Sends `rapport-changed`.
 */
export class AdminMergeForm extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    threadTitle: { attribute: false },
    threadBody: { attribute: false },
    search: { state: true },
    similar: { state: true },
    candidates: { state: true },
    chosen: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    css`
      input[type='search'] {
        width: 100%;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.5em 0;
        display: grid;
        gap: 0.3em;
      }
    `,
  ];

  declare app: AdminApp;
  declare threadId: string;
  threadTitle = '';
  threadBody = '';
  search = '';
  /** Possible duplicates of this thread, shown until words are typed. */
  similar: SimilarThread[] = [];
  candidates: SimilarThread[] | undefined;
  chosen = '';
  problem: Problem | undefined;
  busy = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override updated(changed: PropertyValues<this>): void {
    // Asked again when the form is reused for another thread, or the thread was edited.
    if (changed.has('threadId') || changed.has('threadTitle') || changed.has('threadBody')) void this.#suggest();
  }

  async #suggest(): Promise<void> {
    const asked = this.threadId;
    if (!this.threadTitle) return;
    const result = await this.app.client
      .query(SIMILAR_THREADS, {
        community: this.app.community,
        title: this.threadTitle.slice(0, 140),
        body: this.threadBody || null,
        id: this.threadId,
      })
      .toPromise();
    if (asked === this.threadId) this.similar = result.data?.community?.similarThreads ?? [];
  }

  #onSearch(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#find(), SEARCH_DELAY_MS);
  }

  async #find(): Promise<void> {
    const search = this.search.trim();
    if (!search) {
      this.candidates = undefined;
      return;
    }
    const result = await this.app.client.query(SEARCH_THREADS, { community: this.app.community, search }).toPromise();
    if (search !== this.search.trim()) return;
    const edges = result.data?.community?.search.edges ?? [];
    this.candidates = edges.map((e) => e.node.thread).filter((t) => t.id !== this.threadId);
    this.problem = problemOf(result.error);
  }

  async #merge(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.chosen) {
      this.problem = { message: msg('Choose the thread to merge into.') };
      return;
    }
    this.busy = true;
    const outcome = await mutate(this.app, MERGE, { threadId: this.threadId, into: this.chosen });
    this.busy = false;
    this.problem = outcome.problem;
    if (outcome.problem) return;
    this.search = '';
    this.candidates = undefined;
    this.chosen = '';
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
  }

  #choices(candidates: SimilarThread[]) {
    return html`<fieldset><legend class="sr-only">${msg('The other thread')}</legend><ul>
      ${candidates.map(
        (
          c,
        ) => html`<li><label class="row"><input type="radio" name="target" .value=${c.id} .checked=${this.chosen === c.id}
          @change=${() => {
            this.chosen = c.id;
            this.problem = undefined;
          }} /> <span>${c.title}</span> <span class="muted">${statusName(c.status)} · ${voteCount(c.voteCount)} · ${c.author?.displayName ?? ''}
            <time datetime=${c.createdAt}>${timeAgo(c.createdAt, Date.now(), currentLocale())}</time></span></label></li>`,
      )}
    </ul></fieldset>`;
  }

  override render() {
    const shown = this.candidates ?? this.similar;
    return html`<form class="panel" @submit=${this.#merge} aria-labelledby="merge-title" novalidate>
      <h2 id="merge-title">${msg('Merge this duplicate into…')}</h2>
      ${
        !this.candidates && this.similar.length
          ? html`<h3 id="similar-title">${msg('Possible duplicates')}</h3>${this.#choices(this.similar)}`
          : nothing
      }
      <div class="field">
        <label for="merge-search">${msg('Find the other thread by its words')}</label>
        <input id="merge-search" type="search" .value=${this.search} @input=${this.#onSearch} autocomplete="off" />
      </div>
      ${
        this.candidates
          ? this.candidates.length
            ? this.#choices(this.candidates)
            : html`<p class="muted">${msg('No thread matches these words.')}</p>`
          : nothing
      }
      <p class="error" role="alert">${this.problem?.message ?? nothing}</p>
      <button class="btn" ?disabled=${this.busy || !shown.length}>${msg('Merge')}</button>
    </form>`;
  }
}
