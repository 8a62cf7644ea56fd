import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { html, LitElement } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate, problemFor } from '../client/mutate.ts';
import { CREATE_ASK } from '../documents/asks.ts';
import { adminStyles } from '../styles.ts';

/** Tells the screen an ask was saved (its id), to list it and open it. */
export class AskSavedEvent extends Event {
  readonly askId: string;
  constructor(askId: string) {
    super('rapport-ask-saved', { bubbles: true, composed: true });
    this.askId = askId;
  }
}

/** A week from now, as a datetime-local value (the usual time an ask stays open). */
function inAWeek(): string {
  const at = new Date(Date.now() + 7 * 86_400_000);
  at.setMinutes(at.getMinutes() - at.getTimezoneOffset());
  return at.toISOString().slice(0, 16);
}

/**
 * Writing an ask as a draft: the question, more about it, the choices of a poll (none: answered
 * in words), one or several choices, room for words, who is asked (everyone or a segment) and when
 * it closes. It is asked when published, from its own screen.
 */
export class AdminAskForm extends LitElement {
  static override properties = {
    app: { attribute: false },
    segments: { attribute: false },
    question: { state: true },
    details: { state: true },
    choices: { state: true },
    multiple: { state: true },
    allowText: { state: true },
    segmentId: { state: true },
    closesAt: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [theme, adminStyles];

  declare app: AdminApp;
  segments: { id: string; name: string }[] = [];
  question = '';
  details = '';
  /** One choice a line. */
  choices = '';
  multiple = false;
  allowText = false;
  segmentId = '';
  closesAt = inAWeek();
  problem: Problem | undefined;
  busy = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    const choices = this.choices
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean);
    const outcome = await mutate(this.app, CREATE_ASK, {
      input: {
        question: this.question,
        details: this.details,
        choices,
        multiple: this.multiple,
        allowText: this.allowText,
        segmentId: this.segmentId || null,
        closesAt: this.closesAt ? new Date(this.closesAt).toISOString() : null,
      },
    });
    this.busy = false;
    this.problem = outcome.problem;
    if (outcome.data) {
      this.question = '';
      this.details = '';
      this.choices = '';
      this.dispatchEvent(new AskSavedEvent(outcome.data.createAsk.id));
    }
  }

  #input(set: (value: string) => void) {
    return (e: Event) => set((e.target as HTMLInputElement).value);
  }

  override render() {
    const problem = (...fields: string[]) => problemFor(this.problem, ...fields);
    const invalid = (...fields: string[]) => (problem(...fields) ? 'true' : 'false');
    return html`<form class="panel" aria-labelledby="ask-form-title" @submit=${this.#save}>
      <h2 id="ask-form-title">${msg('New ask')}</h2>
      <div class="field">
        <label for="ask-question">${msg('Question')}</label>
        <input id="ask-question" .value=${this.question} maxlength="200" aria-invalid=${invalid('question')}
          @input=${this.#input((v) => {
            this.question = v;
          })} />
      </div>
      <div class="field">
        <label for="ask-details">${msg('More about it (optional)')}</label>
        <textarea id="ask-details" rows="3" .value=${this.details} aria-invalid=${invalid('details')}
          @input=${this.#input((v) => {
            this.details = v;
          })}></textarea>
      </div>
      <div class="field">
        <label for="ask-choices">${msg('Choices, one a line (none: they answer in words)')}</label>
        <textarea id="ask-choices" rows="4" .value=${this.choices} aria-invalid=${invalid('choices')}
          @input=${this.#input((v) => {
            this.choices = v;
          })}></textarea>
      </div>
      <div class="row">
        <label><input type="checkbox" .checked=${this.multiple} @change=${(e: Event) => {
          this.multiple = (e.target as HTMLInputElement).checked;
        }} /> ${msg('They may pick several')}</label>
        <label><input type="checkbox" .checked=${this.allowText} @change=${(e: Event) => {
          this.allowText = (e.target as HTMLInputElement).checked;
        }} /> ${msg('They may also answer in words')}</label>
      </div>
      <div class="row">
        <div class="field">
          <label for="ask-segment">${msg('Asked of')}</label>
          <select id="ask-segment" aria-invalid=${invalid('segmentId')} @change=${this.#input((v) => {
            this.segmentId = v;
          })}>
            <option value="" ?selected=${!this.segmentId}>${msg('Everyone')}</option>
            ${this.segments.map((s) => html`<option value=${s.id} ?selected=${s.id === this.segmentId}>${s.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="ask-closes">${msg('Closes at')}</label>
          <input id="ask-closes" type="datetime-local" .value=${this.closesAt} aria-invalid=${invalid('closesAt')}
            @input=${this.#input((v) => {
              this.closesAt = v;
            })} />
        </div>
      </div>
      <p class="error" role="alert">${this.problem?.message ?? ''}</p>
      <button class="btn primary" type="submit" ?disabled=${this.busy}>${msg('Save as a draft')}</button>
      <p class="muted">${msg('Members only see it once it is published. Only those who agreed to be contacted by staff are emailed.')}</p>
    </form>`;
  }
}
