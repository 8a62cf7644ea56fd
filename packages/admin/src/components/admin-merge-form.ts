import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { AdminApp } from '../app.ts';
import { type Problem, problemOf } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { MERGE, SEARCH_THREADS } from '../graphql.ts';
import { voteCount } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';

interface Candidate {
  id: string;
  title: string;
  voteCount: number;
}

const SEARCH_DELAY_MS = 250;

/**
 * Merges a duplicate into another thread: search for the original by its words, choose it, merge.
 * Votes and followers move there and this thread points to it. Sends `rapport-changed`.
 */
export class AdminMergeForm extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    search: { state: true },
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
  search = '';
  candidates: Candidate[] | undefined;
  chosen = '';
  problem: Problem | undefined;
  busy = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
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
    const edges: { node: Candidate }[] = result.data?.community?.threads.edges ?? [];
    this.candidates = edges.map((e) => e.node).filter((t) => t.id !== this.threadId);
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

  override render() {
    return html`<form class="panel" @submit=${this.#merge} aria-labelledby="merge-title" novalidate>
      <h2 id="merge-title">${msg('Merge this duplicate into…')}</h2>
      <div class="field">
        <label for="merge-search">${msg('Find the other thread by its words')}</label>
        <input id="merge-search" type="search" .value=${this.search} @input=${this.#onSearch} autocomplete="off" />
      </div>
      ${
        this.candidates
          ? this.candidates.length
            ? html`<fieldset><legend class="sr-only">${msg('The other thread')}</legend><ul>
                ${this.candidates.map(
                  (
                    c,
                  ) => html`<li><label class="row"><input type="radio" name="target" .value=${c.id} .checked=${this.chosen === c.id}
                    @change=${() => {
                      this.chosen = c.id;
                      this.problem = undefined;
                    }} /> <span>${c.title}</span> <span class="muted">${voteCount(c.voteCount)}</span></label></li>`,
                )}
              </ul></fieldset>`
            : html`<p class="muted">${msg('No thread matches these words.')}</p>`
          : nothing
      }
      <p class="error" role="alert">${this.problem?.message ?? nothing}</p>
      <button class="btn" ?disabled=${this.busy || !this.candidates?.length}>${msg('Merge')}</button>
    </form>`;
  }
}
