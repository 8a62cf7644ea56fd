import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing } from 'lit';
import type { App } from '../app.ts';
import { problemOf } from '../client/errors.ts';
import type { SessionChange } from '../client/session.ts';
import { define } from '../define.ts';
import type { WidgetGuestActivityFieldsFragment } from '../generated/graphql.ts';
import { BRING_GUEST_ACTIVITY, GUEST_ACTIVITY } from '../graphql/session.ts';
import { currentLocale, t } from '../i18n/localize.ts';

type GuestActivity = WidgetGuestActivityFieldsFragment;

/** "2 posts, 1 reply and 3 votes", in the widget's language. */
function activityOf(a: GuestActivity): string {
  const parts = [
    a.threadCount && t(msg('{count, plural, one {# post} other {# posts}}'), { count: a.threadCount }),
    a.replyCount && t(msg('{count, plural, one {# reply} other {# replies}}'), { count: a.replyCount }),
    a.voteCount && t(msg('{count, plural, one {# vote} other {# votes}}'), { count: a.voteCount }),
    a.followCount && t(msg('{count, plural, one {# follow} other {# follows}}'), { count: a.followCount }),
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return msg('nothing new');
  return new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(parts);
}

/** The guest's activity was brought into the account: views show it as theirs now. */
export class GuestBroughtEvent extends Event {
  constructor() {
    super('rapport-guest-brought', { bubbles: true, composed: true });
  }
}

/**
 * What the widget must tell a customer about their session, under the header: that their sign-in
 * ended (the page is asked for a new token, nothing typed is lost), or, once they sign in on a
 * browser where they had taken part as a guest, an offer to bring that into their account.
 * Loaded only when one of these happens.
 */
export class SessionNotice extends LitElement {
  static override properties = {
    app: { attribute: false },
    ended: { state: true },
    offer: { state: true },
    said: { state: true },
    busy: { state: true },
  };

  static override styles = [
    theme,
    css`
      .notice {
        border: 1px solid var(--_border);
        border-inline-start: 4px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin-bottom: var(--_space);
      }
      .notice p {
        margin: 0 0 0.5em;
      }
      p[role='status'] {
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
    `,
  ];

  declare app: App;
  ended = false;
  offer: GuestActivity | null = null;
  /** The outcome of the offer, or why it failed. */
  said = '';
  busy = false;
  #asked: string | null = null;
  readonly #onChange = (e: Event) => {
    if ((e as CustomEvent<SessionChange>).detail !== 'joined') void this.#check();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.app.session.addEventListener('change', this.#onChange);
    void this.#check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.app.session.removeEventListener('change', this.#onChange);
  }

  async #check(): Promise<void> {
    const session = this.app.session;
    this.ended = session.ended;
    const token = session.guestToken;
    if (session.kind !== 'SSO' || !token) {
      this.offer = null;
      return;
    }
    if (token === this.#asked) return;
    this.#asked = token;
    const result = await this.app.client.query(GUEST_ACTIVITY, { token });
    if (result.error) return; // asked again on the next sign-in
    const activity: GuestActivity | null = result.data?.guestActivity ?? null;
    const total = activity ? activity.threadCount + activity.replyCount + activity.voteCount + activity.followCount : 0;
    // An unknown token, or a guest who never did anything: nothing to bring, nothing to ask.
    if (!activity || total === 0) session.forgetGuest();
    else this.offer = activity;
  }

  async #bring(): Promise<void> {
    const token = this.app.session.guestToken;
    if (!token || !this.offer) return;
    this.busy = true;
    const result = await this.app.client.mutation(BRING_GUEST_ACTIVITY, { token });
    this.busy = false;
    const brought: GuestActivity | undefined = result.data?.bringGuestActivity;
    const problem = problemOf(result.error);
    if (brought || problem?.code === 'NOT_FOUND') {
      this.app.session.forgetGuest();
      this.offer = null;
    }
    this.said = brought
      ? t(msg('Done: {what} moved into your account.'), { what: activityOf(brought) })
      : (problem?.message ?? '');
    if (brought) this.dispatchEvent(new GuestBroughtEvent());
  }

  #keepApart(): void {
    if (!this.offer) return;
    this.said = t(msg('Your guest posts stay under the name “{name}”.'), { name: this.offer.displayName });
    this.app.session.forgetGuest();
    this.offer = null;
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`
      ${this.ended ? html`<div class="notice" part="notice" role="alert"><p>${msg('Your sign-in has ended. Sign in again on this page to go on; what you were writing is kept.')}</p></div>` : nothing}
      ${
        this.offer
          ? html`<div class="notice" part="notice" role="region" aria-label=${msg('Bring it into my account')}>
              <p>${t(msg('Before you signed in, you took part here as the guest “{name}”: {what}. Bring it into your account?'), { name: this.offer.displayName, what: activityOf(this.offer) })}</p>
              <div class="actions">
                <button class="btn primary" part="button" ?disabled=${this.busy} @click=${this.#bring}>${msg('Bring it into my account')}</button>
                <button class="btn" part="button" ?disabled=${this.busy} @click=${this.#keepApart}>${msg('Keep it separate')}</button>
              </div>
            </div>`
          : nothing
      }
      <p role="status" class=${this.said ? 'notice' : ''}>${this.said}</p>
    `;
  }
}

define([['rapport-session-notice', SessionNotice]]);
