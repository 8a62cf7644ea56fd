import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { IdempotencyKey } from '@rapport/shared/client/retry-policy.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { type App, NavigateEvent } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { JOIN_THREAD, SIMILAR_THREADS, type Similar } from '../graphql/post.ts';
import { t } from '../i18n/localize.ts';
import { networkError, statusName } from '../i18n/words.ts';

/** How long typing must pause before the server is asked (one request per pause, not per key). */
const PAUSE_MS = 350;

/**
 * "Is it one of these?": while a post is written, up to five threads that may already be it,
 * each with its status and votes. One click votes for and follows one instead of posting.
 */
export class SimilarThreads extends LitElement {
  static override properties = {
    app: { attribute: false },
    titleText: { attribute: false },
    body: { attribute: false },
    found: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      section {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.5em 0.75em;
        margin-block-end: var(--_space);
      }
      h3 {
        font-size: 1em;
        margin: 0 0 0.4em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25em 0.75em;
        padding-block: 0.35em;
      }
      li + li {
        border-block-start: 1px solid var(--_border);
      }
      .title {
        flex: 1 1 12em;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.9em;
      }
    `,
  ];

  declare app: App;
  titleText = '';
  body = '';
  found: Similar[] = [];
  problem = '';
  busy = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = '';
  readonly #key = new IdempotencyKey();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override updated(changed: PropertyValues<this>): void {
    if (!changed.has('titleText') && !changed.has('body')) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#ask(), PAUSE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  async #ask(): Promise<void> {
    const title = this.titleText.trim();
    const body = this.body.trim();
    const asked = JSON.stringify([title, body]);
    if (asked === this.#asked) return;
    this.#asked = asked;
    if (title.length < 3) {
      this.found = [];
      return;
    }
    const result = await this.app.client.query(SIMILAR_THREADS, {
      community: this.app.community,
      title,
      body: body || null,
    });
    // A later question may have been asked meanwhile: only its answer counts.
    if (this.#asked === asked) this.found = result.data?.community?.similarThreads ?? [];
  }

  async #join(thread: Similar): Promise<void> {
    if (this.busy || !(await this.app.ensureSession())) return;
    this.busy = true;
    this.problem = '';
    const result = await this.app.client.mutation(JOIN_THREAD, {
      id: thread.id,
      idempotencyKey: this.#key.for(thread.id),
    });
    this.busy = false;
    if (!result.data?.follow) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    this.#key.sent();
    this.dispatchEvent(new NavigateEvent({ name: 'thread', id: thread.id }));
  }

  override render() {
    if (!this.found.length) return '';
    return html`<section part="similar" aria-labelledby="similar-title" aria-live="polite">
      <h3 id="similar-title">${msg('Is it one of these?')}</h3>
      <ul>
        ${this.found.map(
          (thread, i) => html`<li>
            <span class="title" id=${`similar-${i}`}>${thread.title}</span>
            <span class="meta">${statusName(thread.status)} ·
              ${t(msg('{count, plural, one {# vote} other {# votes}}'), { count: thread.voteCount })}</span>
            ${
              // The customer's own thread: theirs to open and add to, not to vote for.
              thread.viewerIsAuthor
                ? html`<button type="button" class="btn" part="button" aria-describedby=${`similar-${i}`}
                    @click=${() => this.dispatchEvent(new NavigateEvent({ name: 'thread', id: thread.id }))}>${msg('Open your earlier post')}</button>`
                : html`<button type="button" class="btn" part="button" ?disabled=${this.busy}
                    aria-label=${t(msg('Vote for “{title}” and follow it instead of posting'), { title: thread.title })}
                    @click=${() => this.#join(thread)}>${msg('That’s it: vote')}</button>`
            }
          </li>`,
        )}
      </ul>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : ''}
    </section>`;
  }
}
