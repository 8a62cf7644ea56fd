import { theme } from '@rapport/shared/ui/theme.ts';
import type { Client } from '@urql/core';
import { css, html, LitElement } from 'lit';
import type { AdminApp, StaffViewer } from '../app.ts';
import { createClient } from '../client/client.ts';
import { problemOf } from '../client/errors.ts';
import { SIGN_OUT, VIEWER } from '../graphql.ts';
import { linkHandler, navigate, type Route, routeOf } from '../router.ts';
import { strings } from '../strings.ts';
import { adminStyles } from '../styles.ts';

const managersOnly = html`<p class="panel" role="alert">${strings.managersOnly}</p>`;

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

  static override styles = [
    theme,
    adminStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--_surface);
      }
      .skip {
        position: absolute;
        left: -9999px;
      }
      .skip:focus {
        left: 1em;
        top: 1em;
        z-index: 10;
        background: var(--_bg);
        padding: 0.5em;
      }
      /* A top bar (the brand, the person signed in) over one row of links. */
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
        align-items: center;
        padding: 0.5em 1em 0.3em;
        background: var(--_bg);
        border-bottom: 1px solid var(--_border);
      }
      /* It gives way (cut short with …) rather than push the rest onto another row. */
      .brand {
        flex: 1 1 0;
        font-weight: 700;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      nav {
        order: 3;
        flex-basis: 100%;
      }
      /* The links never wrap onto a second line; past the edge they scroll rather than break. */
      nav ul {
        display: flex;
        flex-wrap: nowrap;
        overflow-x: auto;
        gap: 0.1em;
        list-style: none;
        margin: 0;
        padding: 0.1em;
      }
      nav a {
        display: inline-block;
        padding: 0.35em 0.6em;
        border-radius: var(--_radius);
        text-decoration: none;
        color: var(--_text);
        white-space: nowrap;
      }
      nav a[aria-current='page'] {
        background: var(--_surface);
        font-weight: 600;
        outline: 1px solid var(--_border);
      }
      .menu {
        display: none;
      }
      /* Narrower than the links: a Menu button opens them as a list. */
      @media (max-width: 60em) {
        .menu {
          display: inline-flex;
        }
        nav {
          display: none;
        }
        nav.open {
          display: block;
        }
        nav.open ul {
          flex-direction: column;
        }
        nav.open a {
          display: block;
        }
        .who {
          display: none;
        }
      }
      .me {
        margin-inline-start: auto;
        display: flex;
        gap: 0.6em;
        align-items: center;
      }
      main {
        max-width: 72em;
        margin: 0 auto;
        padding: 1.2em;
      }
      /* Focused by script after navigation (a container, not a control): no focus ring. */
      main:focus {
        outline: none;
      }
    `,
  ];

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

  override connectedCallback(): void {
    super.connectedCallback();
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
      this.problem = problemOf(result.error)?.message ?? strings.networkError;
      return;
    }
    this.problem = '';
    if (viewer?.kind !== 'STAFF' || !viewer.staff) {
      this.app = undefined;
      return;
    }
    const staff = viewer.staff as StaffViewer;
    this.app = {
      client: this.#client,
      viewer: staff,
      community: viewer.community.slug,
      brand: viewer.community.name,
      isManager: staff.role === 'MANAGER' || staff.role === 'OWNER',
    };
    if (this.route.name === 'set-password') navigate({ name: 'inbox' });
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
      case 'pulse':
        return html`<admin-pulse .app=${app}></admin-pulse>`;
      case 'handovers':
        return html`<admin-handovers .app=${app} .openId=${r.id}></admin-handovers>`;
      case 'whats-new':
        return r.id
          ? html`<admin-changelog-entry .app=${app} .entryId=${r.id}></admin-changelog-entry>`
          : html`<admin-changelog .app=${app}></admin-changelog>`;
      case 'moderation':
        return app.isManager ? html`<admin-moderation .app=${app}></admin-moderation>` : managersOnly;
      case 'staff':
        return app.isManager ? html`<admin-staff .app=${app}></admin-staff>` : managersOnly;
      case 'settings':
        return app.isManager ? html`<admin-settings .app=${app}></admin-settings>` : managersOnly;
      case 'audit':
        return app.isManager ? html`<admin-audit .app=${app}></admin-audit>` : managersOnly;
      case 'profile':
        return html`<admin-profile .app=${app}></admin-profile>`;
      default:
        return html`<admin-inbox .app=${app}></admin-inbox>`;
    }
  }

  override render() {
    if (!this.checked) return html`<main><p class="muted">${strings.loading}</p></main>`;
    if (this.problem) {
      return html`<main><p class="error" role="alert">${this.problem}</p>
        <button class="btn" @click=${() => this.#loadViewer()}>${strings.retry}</button></main>`;
    }
    const app = this.app;
    if (!app) {
      return this.route.name === 'set-password'
        ? html`<admin-set-password .client=${this.#client} @rapport-signed-in=${() => this.#loadViewer()}></admin-set-password>`
        : html`<admin-sign-in .client=${this.#client} @rapport-signed-in=${() => this.#loadViewer()}></admin-sign-in>`;
    }
    const links: [Route['name'], string, boolean][] = [
      ['inbox', strings.nav.inbox, true],
      ['members', strings.nav.members, true],
      ['ambassadors', strings.nav.ambassadors, true],
      ['pulse', strings.nav.pulse, true],
      ['handovers', strings.nav.handovers, true],
      ['whats-new', strings.nav.whatsNew, true],
      ['moderation', strings.nav.moderation, app.isManager],
      ['staff', strings.nav.staff, app.isManager],
      ['settings', strings.nav.settings, app.isManager],
      ['audit', strings.nav.audit, app.isManager],
      ['profile', strings.nav.profile, true],
    ];
    const current = this.route.name === 'thread' ? 'inbox' : this.route.name === 'member' ? 'members' : this.route.name;
    return html`<a class="skip" href="#main">Skip to content</a>
      <header @click=${linkHandler}>
        <span class="brand">${strings.product} · ${app.brand}</span>
        <button class="btn menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="main-nav"
          @click=${(e: Event) => {
            e.stopPropagation();
            this.menuOpen = !this.menuOpen;
          }}>${strings.menu}</button>
        <nav id="main-nav" class=${this.menuOpen ? 'open' : ''} aria-label=${strings.mainNav}>
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
          <button class="btn" @click=${this.#signOut}>${strings.signOut}</button></span>
      </header>
      <main id="main" tabindex="-1" @click=${linkHandler} @rapport-profile-changed=${() => this.requestUpdate()}>${this.#screen(app)}</main>`;
  }
}
