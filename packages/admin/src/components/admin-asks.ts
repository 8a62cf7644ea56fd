import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { dateTime } from '@rapport/shared/ui/time.ts';
import { html, LitElement } from 'lit';
import type { AdminApp } from '../app.ts';
import { QueryController } from '../client/query.ts';
import { ASKS, type AskRow } from '../documents/asks.ts';
import type { AskStatus } from '../generated/graphql.ts';
import { currentLocale } from '../i18n/localize.ts';
import { navigate } from '../router.ts';
import { adminStyles } from '../styles.ts';
import type { AskSavedEvent } from './admin-ask-form.ts';

/** An ask's state, in words. */
export const askStatusName = (status: AskStatus): string =>
  ({
    DRAFT: msg('Draft', { id: 'ask-draft', desc: 'State of an ask: not asked yet' }),
    OPEN: msg('Open', { id: 'ask-open', desc: 'State of an ask: members may answer' }),
    CLOSED: msg('Closed', { id: 'ask-closed', desc: 'State of an ask: answers are final' }),
  })[status];

/** Who an ask is (or will be) put to: the segment's name as published, or as it is now. */
export const askedOf = (ask: { status: AskStatus; targetName: string | null; segment: { name: string } | null }) =>
  (ask.status === 'DRAFT' ? ask.segment?.name : ask.targetName) ?? msg('Everyone');

/**
 * Asks: questions and polls the brand puts to its customers, a segment or everyone, each signed by
 * the staff member asking. Listed newest first; a new one is written below and opens on its own
 * screen, where it is published and its answers read.
 */
export class AdminAsks extends LitElement {
  static override properties = { app: { attribute: false } };

  static override styles = [theme, adminStyles];

  declare app: AdminApp;

  readonly #asks = new QueryController(this, ASKS, () => ({ community: this.app.community }));

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  #row(ask: AskRow) {
    return html`<tr>
      <td><a href="/admin/asks/${encodeURIComponent(ask.id)}">${ask.question}</a></td>
      <td>${askStatusName(ask.status)}</td>
      <td>${askedOf(ask)}</td>
      <td>${dateTime(ask.closesAt, currentLocale())}</td>
      <td>${ask.author.name}</td>
    </tr>`;
  }

  override render() {
    return html`<h1>${msg('Asks', { desc: 'The screen of questions and polls staff put to customers' })}</h1>
      <p class="muted">${msg('Ask your customers first: a question or a poll, to everyone or to a segment, signed with your name. Answers come in live, by segment and by what you know of them.')}</p>
      ${this.#asks.render((data) => {
        const asks = data.community?.asks ?? [];
        return html`<section class="panel" aria-labelledby="asks-title">
            <h2 id="asks-title">${msg('Your asks')}</h2>
            ${
              asks.length
                ? html`<table>
                    <thead><tr><th>${msg('Question')}</th><th>${msg('State')}</th><th>${msg('Asked of')}</th>
                      <th>${msg('Closes')}</th><th>${msg('By')}</th></tr></thead>
                    <tbody>${asks.map((a) => this.#row(a))}</tbody>
                  </table>`
                : html`<p class="muted">${msg('No asks yet.')}</p>`
            }
          </section>
          <admin-ask-form .app=${this.app} .segments=${data.community?.segments ?? []}
            @rapport-ask-saved=${(e: AskSavedEvent) => navigate({ name: 'asks', id: e.askId })}></admin-ask-form>`;
      })}`;
  }
}
