import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { directionOf } from '@rapport/shared/i18n/locales.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import type { Client } from '@urql/core';
import { html, LitElement } from 'lit';
import type { AdminApp, StaffViewer } from '../app.ts';
import { createClient } from '../client/client.ts';
import { problemOf } from '../client/errors.ts';
import { SIGN_OUT, VIEWER } from '../documents/session.ts';
import { chooseLocale, currentLocale, setLocale } from '../i18n/localize.ts';
import { loading, networkError, tryAgain } from '../i18n/words.ts';
import { linkHandler, navigate, type Route, routeOf } from '../router.ts';
import { adminStyles } from '../styles.ts';
import { shellStyles } from './rapport-admin.styles.ts';

const managersOnly = () =>
  html`<p class="panel" role="alert">${msg('This part of the console is for community managers. Ask one if you need something here.')}</p>`;

/** The product's name, never translated. */
const PRODUCT = 'Rapport';

/**
 * The admin console's shell: who is signed in, the navigation, and the current screen. Staff see
 * the inbox, members and their profile; managers and owners also moderation, staff, settings and
 * the audit log.
 */
export class RapportAdmin extends LitElement {
  static override properties = {
    route: { state: true },
    app: { state: true },
    checked: { state: true },
    problem: { state: true },
    menuOpen: { state: true },
  };

  static override styles = [theme, adminStyles, shellStyles];

  route: Route = routeOf(location.pathname);
  app: AdminApp | undefined;
  /** On a narrow screen, the navigation is open (it closes when a link is followed). */
  menuOpen = false;
  checked = false;
  problem = '';
  readonly #client: Client = createClient(() => this.#signedOut());
  readonly #onRoute = async () => {
    this.route = routeOf(location.pathname);
    this.menuOpen = false;
    // As after a page load: the next Tab starts in the new screen, and screen readers read it.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  };

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#speak();
    window.addEventListener('popstate', this.#onRoute);
    window.addEventListener('rapport-route', this.#onRoute);
    void this.#loadViewer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onRoute);
    window.removeEventListener('rapport-route', this.#onRoute);
  }

  async #loadViewer(): Promise<void> {
    const result = await this.#client.query(VIEWER, {}).toPromise();
    this.checked = true;
    const viewer = result.data?.viewer;
    if (result.error && !result.data) {
      this.problem = problemOf(result.error)?.message ?? networkError();
      return;
    }
    this.problem = '';
    if (viewer?.kind !== 'STAFF' || !viewer.staff) {
      this.app = undefined;
      return;
    }
    const staff: StaffViewer = { ...viewer.staff, staffLocale: viewer.staff.locale };
    this.app = {
      client: this.#client,
      viewer: staff,
      community: viewer.community.slug,
      brand: viewer.community.name,
      isManager: staff.role === 'MANAGER' || staff.role === 'OWNER',
    };
    this.#speak();
    if (this.route.name === 'set-password') navigate({ name: 'inbox' });
  }

  /** Switches to the staff member's language (see chooseLocale); the screens follow when it is loaded. */
  #speak(): void {
    const locale = chooseLocale(this.app?.viewer.staffLocale);
    if (locale !== currentLocale()) setLocale(locale).catch((error) => console.error('rapport-admin:', error));
  }

  protected override willUpdate(): void {
    // On the console's root: Arabic and Hebrew lay out right to left, and each text has its language.
    this.lang = currentLocale();
    this.dir = directionOf(currentLocale());
  }

  #signedOut(): void {
    if (this.app) {
      this.app = undefined;
      this.requestUpdate();
    }
  }

  async #signOut(): Promise<void> {
    await this.#client.mutation(SIGN_OUT, {}).toPromise();
    this.app = undefined;
  }

  #screen(app: AdminApp) {
    const r = this.route;
    switch (r.name) {
      case 'thread':
        return html`<admin-thread .app=${app} .threadId=${r.id}></admin-thread>`;
      case 'members':
        return html`<admin-members .app=${app}></admin-members>`;
      case 'member':
        return html`<admin-customer-panel .app=${app} .memberId=${r.id} full></admin-customer-panel>`;
      case 'ambassadors':
        return html`<admin-ambassadors .app=${app}></admin-ambassadors>`;
      case 'segments':
        return html`<admin-segments .app=${app}></admin-segments>`;
      case 'demand':
        return html`<admin-demand .app=${app}></admin-demand>`;
      case 'asks':
        return r.id
          ? html`<admin-ask .app=${app} .askId=${r.id}></admin-ask>`
          : html`<admin-asks .app=${app}></admin-asks>`;
      case 'pulse':
        return html`<admin-pulse .app=${app}></admin-pulse>`;
      case 'handovers':
        return html`<admin-handovers .app=${app} .openId=${r.id}></admin-handovers>`;
      case 'whats-new':
        return r.id
          ? html`<admin-changelog-entry .app=${app} .entryId=${r.id}></admin-changelog-entry>`
          : html`<admin-changelog .app=${app}></admin-changelog>`;
      case 'moderation':
        return app.isManager ? html`<admin-moderation .app=${app}></admin-moderation>` : managersOnly();
      case 'staff':
        return app.isManager ? html`<admin-staff .app=${app}></admin-staff>` : managersOnly();
      case 'settings':
        return app.isManager ? html`<admin-settings .app=${app}></admin-settings>` : managersOnly();
      case 'audit':
        return app.isManager ? html`<admin-audit .app=${app}></admin-audit>` : managersOnly();
      case 'profile':
        return html`<admin-profile .app=${app}></admin-profile>`;
      default:
        return html`<admin-inbox .app=${app}></admin-inbox>`;
    }
  }

  override render() {
    if (!this.checked) return html`<main><p class="muted">${loading()}</p></main>`;
    if (this.problem) {
      return html`<main><p class="error" role="alert">${this.problem}</p>
        <button class="btn" @click=${() => this.#loadViewer()}>${tryAgain()}</button></main>`;
    }
    const app = this.app;
    if (!app) {
      return this.route.name === 'set-password'
        ? html`<admin-set-password .client=${this.#client} @rapport-signed-in=${() => this.#loadViewer()}></admin-set-password>`
        : html`<admin-sign-in .client=${this.#client} @rapport-signed-in=${() => this.#loadViewer()}></admin-sign-in>`;
    }
    const links: [Route['name'], string, boolean][] = [
      ['inbox', msg('Inbox'), true],
      ['members', msg('Members'), true],
      ['ambassadors', msg('Ambassadors'), true],
      ['segments', msg('Segments'), true],
      ['demand', msg('Demand'), true],
      ['asks', msg('Asks', { desc: 'The screen of questions and polls staff put to customers' }), true],
      ['pulse', msg('Pulse'), true],
      ['handovers', msg('Handovers'), true],
      ['whats-new', msg("What's new"), true],
      ['moderation', msg('Moderation'), app.isManager],
      ['staff', msg('Staff', { desc: "The screen of the brand's team: its staff accounts" }), app.isManager],
      ['settings', msg('Settings'), app.isManager],
      ['audit', msg('Audit log'), app.isManager],
      ['profile', msg('My profile'), true],
    ];
    const current = this.route.name === 'thread' ? 'inbox' : this.route.name === 'member' ? 'members' : this.route.name;
    return html`<a class="skip" href="#main">${msg('Skip to content')}</a>
      <header @click=${linkHandler}>
        <span class="brand">${PRODUCT} · ${app.brand}</span>
        <button class="btn menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="main-nav"
          @click=${(e: Event) => {
            e.stopPropagation();
            this.menuOpen = !this.menuOpen;
          }}>${msg('Menu')}</button>
        <nav id="main-nav" class=${this.menuOpen ? 'open' : ''} aria-label=${msg('Main', { desc: 'Name of the main navigation' })}>
          <ul>
            ${links
              .filter(([, , shown]) => shown)
              .map(
                ([name, label]) =>
                  html`<li><a href=${name === 'inbox' ? '/admin' : `/admin/${name}`} aria-current=${current === name ? 'page' : 'false'}>${label}</a></li>`,
              )}
          </ul>
        </nav>
        <span class="me"><span class="who">${app.viewer.name}</span>
          <button class="btn" @click=${this.#signOut}>${msg('Sign out')}</button></span>
      </header>
      <main id="main" tabindex="-1" @click=${linkHandler} @rapport-profile-changed=${() => {
        this.requestUpdate();
        this.#speak();
      }}>${this.#screen(app)}</main>`;
  }
}
