import { isPlainCssValue, isThemeProperty } from '@rapport/shared/theme-values.ts';
import { theme } from '@rapport/shared/ui/theme.ts';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { type App, NavigateEvent, type Route } from '../app.ts';
import { createClient } from '../client/client.ts';
import { problemOf } from '../client/errors.ts';
import { Session } from '../client/session.ts';
import { recordArrival, sharedThread } from '../client/share.ts';
import { COMMUNITY } from '../graphql/community.ts';
import { strings } from '../strings.ts';
import type { GuestDialog } from './guest-dialog.ts';
import type { ThreadList } from './thread-list.ts';

/**
 * `<rapport-community community="slug" endpoint="https://host/graphql" [sso-token="…"]>`: a brand's
 * community on the brand's own page. It starts when it comes near the viewport, and keeps the list
 * while a thread is open so "back" returns to the same place.
 */
export class RapportCommunity extends LitElement {
  static override properties = {
    community: { type: String },
    endpoint: { type: String },
    ssoToken: { type: String, attribute: 'sso-token' },
    route: { state: true },
    brand: { state: true },
    viewerName: { state: true },
    unread: { state: true },
    started: { state: true },
    problem: { state: true },
  };

  static override styles = [
    theme,
    css`
      /* Font and colours are set here, not on :host: the host element is the one part of the
         widget the page's CSS can reach. */
      .frame {
        display: block;
        font: 15px/1.5 var(--_font);
        color: var(--_text);
        background: var(--_bg);
        color: var(--_text);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 1.5);
        min-width: 0;
        max-width: 100%;
        min-height: 12em;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        justify-content: space-between;
        margin-bottom: var(--_space);
      }
      h2 {
        margin: 0;
        font-size: 1.25em;
      }
      .who {
        display: flex;
        gap: 0.6em;
        align-items: center;
      }
    `,
  ];

  community = '';
  endpoint = '';
  ssoToken: string | null = null;
  // A link shared from a thread opens that thread.
  route: Route = sharedThread() ? { name: 'thread', id: sharedThread() as string } : { name: 'list' };
  brand = '';
  viewerName = '';
  /** New notifications in the threads the member follows (the Account button's badge). */
  unread = 0;
  started = false;
  problem = '';
  #app: App | undefined;
  #observer: IntersectionObserver | undefined;
  #returnTo: string | undefined;
  #themeSheet: CSSStyleSheet | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Lazy: nothing is fetched until the element is within a screen of the viewport.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#observer?.disconnect();
          this.#start();
        }
      },
      { rootMargin: '400px' },
    );
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('ssoToken') && this.#app) this.#app.session.setSso(this.ssoToken);
  }

  #start(): void {
    if (this.started) return;
    if (!this.community || !this.endpoint) {
      this.problem = 'rapport-community needs the community and endpoint attributes.';
      console.error(`<rapport-community>: ${this.problem}`);
      return;
    }
    const session = new Session(this.community);
    session.setSso(this.ssoToken);
    const client = createClient(this.endpoint, session);
    this.#app = {
      client,
      session,
      community: this.community,
      brand: '',
      ensureSession: async () => session.token !== null || ((await this.#guestDialog()?.ask()) ?? false),
    };
    session.addEventListener('change', () => {
      void this.#loadCommunity();
      // A customer signed in (or a stale token dropped): what they voted for changes, so reload
      // the list. A brand-new guest has voted for nothing yet, and reloading would race with the
      // vote or post that made them join.
      if (session.kind !== 'GUEST') this.renderRoot.querySelector<ThreadList>('rapport-thread-list')?.refresh();
    });
    this.started = true;
    recordArrival(this.#app);
    void this.#loadCommunity();
  }

  #guestDialog(): GuestDialog | null {
    return this.renderRoot.querySelector<GuestDialog>('rapport-guest-dialog');
  }

  async #loadCommunity(): Promise<void> {
    const app = this.#app;
    if (!app) return;
    const result = await app.client.query(COMMUNITY, { community: this.community }).toPromise();
    const community = result.data?.community;
    if (!community) {
      this.problem = result.data
        ? `There is no community "${this.community}".`
        : (problemOf(result.error)?.message ?? strings.loadFailed);
      return;
    }
    this.problem = '';
    this.#applyTheme(community.theme ?? []);
    this.brand = community.name;
    app.brand = community.name;
    this.viewerName = result.data?.viewer?.member?.displayName ?? '';
    this.unread = result.data?.viewer?.unreadNotificationCount ?? 0;
  }

  /**
   * The brand's theme from the admin console, as the defaults of the custom properties: set on
   * :host from inside, so CSS the page sets on the element (and the console's preview) still wins.
   */
  #applyTheme(values: { property: string; value: string }[]): void {
    const declarations = values
      .filter((v) => isThemeProperty(v.property) && isPlainCssValue(v.value.trim()))
      .map((v) => `${v.property}: ${v.value.trim()};`)
      .join(' ');
    this.#themeSheet ??= new CSSStyleSheet();
    this.#themeSheet.replaceSync(declarations ? `:host { ${declarations} }` : '');
    const root = this.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(this.#themeSheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#themeSheet];
    }
  }

  async #navigate(event: NavigateEvent): Promise<void> {
    event.stopPropagation();
    // The account panel is its own chunk: only members who open it download it.
    if (event.route.name === 'account') await import('./account-panel.ts');
    const from = this.route;
    this.route = event.route;
    if (from.name === 'thread') this.#returnTo = from.id;
    await this.updateComplete;
    if (event.route.name === 'list' && this.#returnTo) {
      this.renderRoot.querySelector<ThreadList>('rapport-thread-list')?.focusThread(this.#returnTo);
    }
  }

  override render() {
    const app = this.#app;
    if (this.problem) {
      return html`<div class="frame" part="container"><p class="error" role="alert">${this.problem}</p>
        ${app ? html`<button class="btn" @click=${() => this.#loadCommunity()}>${strings.retry}</button>` : nothing}</div>`;
    }
    if (!app || !this.brand) {
      return html`<div class="frame" part="container" aria-busy="true"><p class="muted">${strings.loading}</p></div>`;
    }
    const route = this.route;
    return html`<section class="frame" part="container" aria-label=${strings.communityLabel(this.brand)}
        @rapport-navigate=${this.#navigate}
        @rapport-posted=${() => this.renderRoot.querySelector<ThreadList>('rapport-thread-list')?.refresh()}>
      <header part="header">
        <h2>${this.brand}</h2>
        <div class="who">
          ${this.viewerName ? html`<span class="muted">${strings.signedInAs(this.viewerName)}</span>` : nothing}
          ${
            this.viewerName && route.name !== 'account'
              ? html`<button class="btn" part="button" aria-label=${strings.accountLabel(this.unread)}
                  @click=${() => this.#navigate(new NavigateEvent({ name: 'account' }))}>${strings.account}${
                    this.unread ? html` <span class="badge">${this.unread}</span>` : nothing
                  }</button>`
              : nothing
          }
          ${
            route.name === 'list'
              ? html`<button class="btn primary" part="button" @click=${() => {
                  this.route = { name: 'new' };
                }}>${strings.newPost}</button>`
              : nothing
          }
        </div>
      </header>
      <rapport-thread-list .app=${app} ?hidden=${route.name !== 'list'}></rapport-thread-list>
      ${route.name === 'thread' ? keyed(route.id, html`<rapport-thread-view .app=${app} .threadId=${route.id}></rapport-thread-view>`) : nothing}
      ${route.name === 'new' ? html`<rapport-post-form .app=${app}></rapport-post-form>` : nothing}
      ${
        route.name === 'account'
          ? html`<rapport-account .app=${app} @rapport-notifications-read=${() => {
              this.unread = 0;
            }}></rapport-account>`
          : nothing
      }
      <rapport-guest-dialog .app=${app}></rapport-guest-dialog>
    </section>`;
  }
}
