import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { define } from '../define.ts';
import type { ThreadSummary } from '../graphql/documents.ts';
import type { Roadmap } from '../graphql/roadmap.ts';
import { ROADMAP } from '../graphql/roadmap.ts';
import { t as fmt } from '../i18n/localize.ts';
import { loadFailed, loading, replyCount } from '../i18n/words.ts';

type Column = keyof Roadmap;
const COLUMNS: Column[] = ['planned', 'inProgress', 'shipped'];

const columnNames = (): Record<Column, string> => ({
  planned: msg('Planned'),
  inProgress: msg('In progress'),
  shipped: msg('Shipped'),
});

const emptyColumn = (): Record<Column, string> => ({
  planned: msg('Nothing planned yet.'),
  inProgress: msg('Nothing in progress right now.'),
  shipped: msg('Nothing shipped recently.'),
});

/** Below this width the columns become tabs (one column at a time). */
const NARROW_PX = 560;

/**
 * The brand's public roadmap: Planned, In progress and recently Shipped, most voted first. Each
 * card can be voted on and opens its thread. Side by side where there is room, as tabs on a narrow
 * screen (arrow keys move between them, as in any tab list).
 */
export class RoadmapView extends LitElement {
  static override properties = {
    app: { attribute: false },
    roadmap: { state: true },
    column: { state: true },
    narrow: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: var(--_space);
      }
      section {
        background: var(--_surface);
        border-radius: var(--_radius);
        padding: var(--_space);
      }
      h3 {
        margin: 0 0 0.5em;
        font-size: 1em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        gap: 0.6em;
        align-items: flex-start;
        padding: 0.6em;
        margin-bottom: 0.5em;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .title {
        border: 0;
        background: none;
        padding: 0;
        color: inherit;
        font: inherit;
        font-weight: 600;
        text-align: start;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      .title:hover {
        text-decoration: underline;
      }
      .title:focus-visible,
      [role='tab']:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 2px;
      }
      [role='tablist'] {
        display: flex;
        gap: 0.25em;
        margin-bottom: var(--_space);
      }
      [role='tab'] {
        flex: 1;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: inherit;
        font: inherit;
        padding: 0.4em;
        cursor: pointer;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_surface);
        border-color: var(--_text);
        font-weight: 600;
      }
    `,
  ];

  declare app: App;
  roadmap: Roadmap | undefined;
  column: Column = 'planned';
  narrow = false;
  problem = '';
  #resize: ResizeObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(([entry]) => {
      const narrow = (entry?.contentRect.width ?? NARROW_PX) < NARROW_PX;
      // Next frame: switching layouts resizes the element, and a resize inside the observer's own
      // callback is a "ResizeObserver loop" error on the brand's page.
      if (narrow !== this.narrow)
        requestAnimationFrame(() => {
          this.narrow = narrow;
        });
    });
    this.#resize.observe(this);
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  /** Who is looking changed (signed in or out): their votes are read again. */
  refresh(): Promise<void> {
    return this.#load();
  }

  async #load(): Promise<void> {
    const result = await this.app.client.query(
      ROADMAP,
      { community: this.app.community, signedIn: this.app.session.token !== null },
      (part) => {
        const roadmap = part.data?.community?.roadmap;
        if (roadmap) this.roadmap = roadmap;
      },
    );
    if (!this.roadmap)
      this.problem = result.data?.community
        ? msg('This community has no public roadmap.')
        : (problemOf(result.error)?.message ?? loadFailed());
  }

  #voted(column: Column, id: string, detail: { count: number; voted: boolean }): void {
    if (!this.roadmap) return;
    this.roadmap = {
      ...this.roadmap,
      [column]: this.roadmap[column].map((t) =>
        t.id === id ? { ...t, voteCount: detail.count, viewerHasVoted: detail.voted } : t,
      ),
    };
  }

  #card(column: Column, t: ThreadSummary) {
    return html`<li part="thread">
      <rapport-vote .app=${this.app} .threadId=${t.id} .count=${t.voteCount} .voted=${t.viewerHasVoted ?? false}
        .label=${t.title} @rapport-voted=${(e: CustomEvent) => this.#voted(column, t.id, e.detail)}></rapport-vote>
      <div>
        <button class="title" part="thread-title"
          @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'thread', id: t.id }))}>${t.title}</button>
        <div class="muted">${replyCount(t.replyCount)}</div>
      </div>
    </li>`;
  }

  #list(column: Column, labelledBy: string) {
    const threads = this.roadmap?.[column] ?? [];
    return threads.length
      ? html`<ul aria-labelledby=${labelledBy}>${threads.map((t) => this.#card(column, t))}</ul>`
      : html`<p class="muted">${emptyColumn()[column]}</p>`;
  }

  /** Arrow keys, Home and End move between the tabs (WAI-ARIA tabs pattern). */
  #tabKey(event: KeyboardEvent): void {
    const index = COLUMNS.indexOf(this.column);
    // Right-to-left, the next tab is on the left.
    const forward = getComputedStyle(this).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const next = { [forward]: index + 1, [back]: index - 1, Home: 0, End: COLUMNS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.column = COLUMNS[(next + COLUMNS.length) % COLUMNS.length] as Column;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    if (!this.roadmap) {
      return this.problem
        ? html`<p class="error" role="alert">${this.problem}</p>`
        : html`<p class="muted" aria-busy="true">${loading()}</p>`;
    }
    const names = columnNames();
    const title = (column: Column) =>
      fmt(msg('{column} ({count, number})', { desc: 'A roadmap column and how many posts it holds' }), {
        column: names[column],
        count: this.roadmap?.[column].length ?? 0,
      });
    if (this.narrow) {
      return html`<div role="tablist" aria-label=${msg('Roadmap')} @keydown=${this.#tabKey}>
          ${COLUMNS.map(
            (
              c,
            ) => html`<button role="tab" id="tab-${c}" aria-controls="panel" aria-selected=${c === this.column ? 'true' : 'false'}
              tabindex=${c === this.column ? 0 : -1} @click=${() => {
                this.column = c;
              }}>${title(c)}</button>`,
          )}
        </div>
        <div role="tabpanel" id="panel" aria-labelledby="tab-${this.column}">${this.#list(this.column, `tab-${this.column}`)}</div>`;
    }
    return html`<div class="columns">
      ${COLUMNS.map((c) => html`<section part="roadmap-column"><h3 id="col-${c}">${title(c)}</h3>${this.#list(c, `col-${c}`)}</section>`)}
    </div>${nothing}`;
  }
}

define([['rapport-roadmap', RoadmapView]]);
