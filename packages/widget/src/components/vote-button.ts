import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { IdempotencyKey } from '@rapport/shared/client/retry-policy.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import type { App } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { UNVOTE, VOTE } from '../graphql/documents.ts';
import { t } from '../i18n/localize.ts';

/**
 * The vote toggle. It changes at once (optimistic) and puts the count back, with a message, if the
 * server refuses; a visitor who is not signed in is asked for a guest name first.
 */
export class VoteButton extends LitElement {
  static override properties = {
    app: { attribute: false },
    threadId: { attribute: false },
    count: { type: Number },
    voted: { type: Boolean },
    label: { type: String },
    busy: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      button {
        display: grid;
        justify-items: center;
        min-width: 3.2em;
        padding: 0.3em 0.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        cursor: pointer;
        line-height: 1.2;
      }
      button[aria-pressed='true'] {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_accent-text);
      }
      .arrow {
        font-size: 0.75em;
      }
      .count {
        font-weight: 700;
      }
      .error {
        position: absolute;
        z-index: 1;
        inset-inline-start: 0;
        top: 100%;
        width: 14em;
        padding: 0.4em 0.6em;
        background: var(--_bg);
        border: 1px solid var(--_danger);
        border-radius: var(--_radius);
      }
    `,
  ];

  declare app: App;
  declare threadId: string;
  count = 0;
  voted = false;
  label = '';
  busy = false;
  problem = '';
  readonly #key = new IdempotencyKey();

  async toggle(): Promise<void> {
    if (this.busy || !(await this.app.ensureSession())) return;
    const before = { count: this.count, voted: this.voted };
    this.problem = '';
    this.busy = true;
    this.voted = !before.voted;
    this.count = before.count + (this.voted ? 1 : -1);
    const request = { id: this.threadId, voted: !before.voted };
    const variables = { id: this.threadId, idempotencyKey: this.#key.for(request) };
    const result = before.voted
      ? await this.app.client.mutation(UNVOTE, variables)
      : await this.app.client.mutation(VOTE, variables);
    this.busy = false;
    const saved = result.data && ('vote' in result.data ? result.data.vote : result.data.unvote);
    if (saved) {
      this.#key.sent();
      this.count = saved.voteCount;
      this.voted = saved.viewerHasVoted;
    } else {
      this.count = before.count;
      this.voted = before.voted;
      this.problem = problemOf(result.error)?.message ?? msg('Your vote could not be saved. Please try again.');
    }
    this.dispatchEvent(
      new CustomEvent('rapport-voted', {
        detail: { threadId: this.threadId, count: this.count, voted: this.voted },
        bubbles: true,
        composed: true,
      }),
    );
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    // The accessible name begins with the visible count ("3 votes, vote for …"), as speech
    // recognition users say what they see.
    return html`<button part="vote-button" aria-pressed=${this.voted ? 'true' : 'false'} aria-busy=${this.busy ? 'true' : 'false'} @click=${this.toggle}>
        <span class="arrow" aria-hidden="true">▲</span><span class="count">${this.count}</span
        ><span class="sr-only"> ${t(msg('{count, plural, one {vote} other {votes}}, vote for “{title}”', { desc: 'Read after the number of votes, which is shown on its own' }), { count: this.count, title: this.label })}</span>
      </button>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : ''}`;
  }
}
