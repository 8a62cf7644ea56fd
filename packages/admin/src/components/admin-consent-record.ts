import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LIMITS } from '@rapport/shared/limits.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement } from 'lit';
import type { AdminApp } from '../app.ts';
import type { Problem } from '../client/errors.ts';
import { mutate } from '../client/mutate.ts';
import { RECORD_CONSENT } from '../documents/members.ts';
import type { ConsentPurpose } from '../generated/graphql.ts';
import { t } from '../i18n/localize.ts';
import { consentPurposes } from '../i18n/words.ts';
import { adminStyles } from '../styles.ts';
import { fieldStyles, lengthProblem, textField } from './field.ts';

const textLabel = () => msg('What they were told or agreed to');

/**
 * Managers, on a member's page: consent the customer gave or withdrew somewhere else (on the
 * phone, by letter, at a shop). It goes into the consent ledger with the words they agreed to and
 * who recorded it; every email checks the ledger when it is sent. Fires `rapport-changed` so the
 * page shows the new state.
 */
export class AdminConsentRecord extends LitElement {
  static override properties = {
    app: { attribute: false },
    memberId: { attribute: false },
    purpose: { state: true },
    granted: { state: true },
    text: { state: true },
    problem: { state: true },
    done: { state: true },
  };

  static override styles = [
    theme,
    adminStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75em;
      }
      legend {
        font-weight: 600;
        padding: 0;
      }
    `,
  ];

  declare app: AdminApp;
  declare memberId: string;
  purpose: ConsentPurpose = 'PRODUCT_UPDATES';
  granted = true;
  text = '';
  problem: Problem | undefined;
  done = '';

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const local = lengthProblem(this.text, LIMITS.consentText, textLabel());
    if (local) {
      this.problem = { message: local, field: 'textShown' };
      return;
    }
    const outcome = await mutate(this.app, RECORD_CONSENT, {
      member: this.memberId,
      purpose: this.purpose,
      granted: this.granted,
      text: this.text.trim(),
    });
    this.problem = outcome.problem;
    if (outcome.problem) return;
    this.done = t(msg('Recorded: {purpose}, {granted, select, yes {agreed} other {said no}}.'), {
      purpose: consentPurposes()[this.purpose] ?? this.purpose,
      granted: this.granted ? 'yes' : 'no',
    });
    this.text = '';
    this.dispatchEvent(new CustomEvent('rapport-changed', { bubbles: true, composed: true }));
  }

  override render() {
    const fieldError = this.problem?.field === 'textShown' ? this.problem.message : undefined;
    return html`<form class="panel" @submit=${this.#submit} novalidate aria-labelledby="consent-title">
      <h3 id="consent-title">${msg('Record consent given elsewhere')}</h3>
      <p class="muted">${msg('When a customer agrees or says no somewhere else (on the phone, by letter, in a shop), note it here with the words they agreed to. It goes into their consent ledger with your name; every email checks it when it is sent.')}</p>
      <div class="field">
        <label for="consent-purpose">${msg('What for')}</label>
        <select id="consent-purpose" @change=${(e: Event) => {
          this.purpose = (e.target as HTMLSelectElement).value as ConsentPurpose;
        }}>
          ${Object.entries(consentPurposes()).map(
            ([value, label]) => html`<option value=${value} ?selected=${value === this.purpose}>${label}</option>`,
          )}
        </select>
      </div>
      <fieldset>
        <legend>${msg('Their answer')}</legend>
        ${[true, false].map(
          (granted) => html`<label class="row"><input type="radio" name="granted" .checked=${this.granted === granted}
            @change=${() => {
              this.granted = granted;
            }} /> ${granted ? msg('They agreed') : msg('They said no (or withdrew)')}</label>`,
        )}
      </fieldset>
      ${textField({
        id: 'consent-text',
        label: textLabel(),
        value: this.text,
        rule: LIMITS.consentText,
        multiline: true,
        error: fieldError,
        onInput: (value) => {
          this.text = value;
          this.done = '';
        },
      })}
      <p class="error" role="alert">${fieldError ? '' : (this.problem?.message ?? '')}</p>
      <button class="btn primary">${msg('Record it')}</button>
      <p class="ok" role="status">${this.done}</p>
    </form>`;
  }
}
