import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { authorLine, authorStyles } from '@rapport/shared/ui/author.ts';
import { fieldStyles } from '@rapport/shared/ui/field-styles.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateTime } from '@rapport/shared/ui/time.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { App } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import { define } from '../define.ts';
import type { Ask } from '../graphql/asks.ts';
import { ANSWER_ASK, OPEN_ASKS } from '../graphql/asks.ts';
import { authorLabels } from '../i18n/labels.ts';
import { currentLocale, t } from '../i18n/localize.ts';

/** What a member has picked and written on one card, before sending it. */
interface Draft {
  choices: number[];
  text: string;
  sending: boolean;
  /** The server's word on the last send: an error, or that it was saved. */
  problem: string;
  saved: boolean;
}

/**
 * The asks the brand put to this customer, above the list: one card each, signed by the staff
 * member asking, with its choices (one or several) and room for words where it takes them. The
 * answer can be changed until the ask closes. Loaded for signed-in members only; shows nothing
 * when there is nothing to answer.
 */
export class AskCards extends LitElement {
  static override properties = {
    app: { attribute: false },
    asks: { state: true },
    drafts: { state: true },
  };

  static override styles = [
    theme,
    authorStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      .card {
        border: 1px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin-bottom: var(--_space);
      }
      h3 {
        margin: 0 0 0.4em;
        font-size: 1.1em;
      }
      fieldset {
        border: 0;
        margin: 0.5em 0;
        padding: 0;
      }
      .choice {
        display: flex;
        gap: 0.5em;
        align-items: center;
        padding: 0.2em 0;
        font-weight: normal;
      }
      .actions {
        display: flex;
        gap: 0.75em;
        align-items: center;
        flex-wrap: wrap;
      }
    `,
  ];

  declare app: App;
  asks: Ask[] = [];
  drafts: Record<string, Draft> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Reads the asks again (someone else signed in, or one was answered elsewhere). */
  async refresh(): Promise<void> {
    const result = await this.app.client.query(OPEN_ASKS, {});
    this.asks = (result.data?.viewer?.openAsks ?? []).filter((a): a is Ask => a.publishedAt !== null);
    this.drafts = Object.fromEntries(
      this.asks.map((a) => [
        a.id,
        {
          choices: a.viewerAnswer?.choices ?? [],
          text: a.viewerAnswer?.text ?? '',
          sending: false,
          problem: '',
          saved: false,
        },
      ]),
    );
  }

  #change(id: string, change: Partial<Draft>): void {
    const draft = this.drafts[id] as Draft;
    this.drafts = { ...this.drafts, [id]: { ...draft, saved: false, problem: '', ...change } };
  }

  #pick(ask: Ask, index: number, on: boolean): void {
    const had = this.drafts[ask.id]?.choices ?? [];
    const choices = ask.multiple ? (on ? [...had, index] : had.filter((c) => c !== index)) : [index];
    this.#change(ask.id, { choices });
  }

  async #send(ask: Ask, event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.drafts[ask.id] as Draft;
    this.#change(ask.id, { sending: true });
    const result = await this.app.client.mutation(ANSWER_ASK, {
      id: ask.id,
      choices: draft.choices,
      text: draft.text.trim() || null,
    });
    const answer = result.data?.answerAsk;
    if (answer) {
      this.asks = this.asks.map((a) => (a.id === ask.id ? { ...a, viewerAnswer: answer } : a));
      this.#change(ask.id, { sending: false, saved: true });
    } else {
      this.#change(ask.id, {
        sending: false,
        problem: problemOf(result.error)?.message ?? msg('Not sent. Try again.'),
      });
    }
  }

  #card(ask: Ask) {
    const draft = this.drafts[ask.id] as Draft;
    const id = (part: string) => `ask-${ask.id}-${part}`;
    const until = t(msg('Open until {date}. You can change your answer until then.'), {
      date: dateTime(ask.closesAt, currentLocale()),
    });
    return html`<form class="card" part="ask" aria-labelledby=${id('q')} @submit=${(e: Event) => this.#send(ask, e)}>
      <h3 id=${id('q')}>${ask.question}</h3>
      ${authorLine(ask.author, this.app.brand, ask.publishedAt, authorLabels())}
      ${ask.details ? html`<p class="details">${ask.details}</p>` : nothing}
      ${
        ask.choices.length
          ? html`<fieldset>
              <legend class="muted">${ask.multiple ? msg('Choose any that apply') : msg('Choose one')}</legend>
              ${ask.choices.map(
                (choice, i) => html`<label class="choice">
                  <input type=${ask.multiple ? 'checkbox' : 'radio'} name=${id('c')} .checked=${draft.choices.includes(i)}
                    @change=${(e: Event) => this.#pick(ask, i, (e.target as HTMLInputElement).checked)} />
                  <span>${choice}</span>
                </label>`,
              )}
            </fieldset>`
          : nothing
      }
      ${
        ask.allowText
          ? html`<div class="field">
              <label for=${id('t')}>${ask.choices.length ? msg('Anything to add? (optional)') : msg('Your answer')}</label>
              <textarea id=${id('t')} part="input" rows="3" maxlength="2000" .value=${draft.text}
                @input=${(e: Event) => this.#change(ask.id, { text: (e.target as HTMLTextAreaElement).value })}></textarea>
            </div>`
          : nothing
      }
      <div class="actions">
        <button class="btn primary" part="button" type="submit" ?disabled=${draft.sending}>
          ${ask.viewerAnswer ? msg('Change my answer') : msg('Send my answer')}
        </button>
        <span class="muted">${until}</span>
      </div>
      ${draft.saved ? html`<p class="muted" role="status">${msg('Thank you: your answer was sent.')}</p>` : nothing}
      ${draft.problem ? html`<p class="error" role="alert">${draft.problem}</p>` : nothing}
    </form>`;
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    return this.asks.length ? this.asks.map((ask) => this.#card(ask)) : nothing;
  }
}

define([['rapport-ask-cards', AskCards]]);
