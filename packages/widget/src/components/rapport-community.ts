import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { directionOf } from '@rapport/shared/i18n/locales.ts';
import { prepareFormats } from '@rapport/shared/i18n/message-format.ts';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { type App, NavigateEvent, type Route } from '../app.ts';
import { pushRoute, routeOfAddress } from '../client/address.ts';
import { applyBrandTheme, markNewsSeen, newsSeenAt } from '../client/brand-look.ts';
import { createClient } from '../client/client.ts';
import { problemOf } from '../client/errors.ts';
import { whenNearViewport } from '../client/near-viewport.ts';
import { Session, type SessionChange } from '../client/session.ts';
import { recordArrival } from '../client/share.ts';
import { COMMUNITY, SET_MY_LOCALE } from '../graphql/community.ts';
import { THREAD_LIST } from '../graphql/documents.ts';
import { chooseLocale, hasLocaleClaim } from '../i18n/choose-locale.ts';
import { currentLocale, setLocale, t } from '../i18n/localize.ts';
import { loadFailed, loading } from '../i18n/words.ts';
import type { AskCards } from './ask-cards.ts';
import { communityTabs } from './community-tabs.ts';
import type { GuestDialog } from './guest-dialog.ts';
import { communityStyles } from './rapport-community.styles.ts';
import type { RoadmapView } from './roadmap-view.ts';
import { listVariables, type ThreadList } from './thread-list.ts';
import type { ThreadView } from './thread-view.ts';

/** Each view other than the list is its own chunk, loaded when it is first opened. */
const VIEWS: Partial<Record<Route['name'], () => Promise<unknown>>> = {
  thread: () => import('../chunks/thread.ts'),
  new: () => import('../chunks/post.ts'),
  account: () => import('./account-panel.ts'),
  roadmap: () => import('./roadmap-view.ts'),
  'whats-new': () => import('./whats-new.ts'),
};

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
    lang: { type: String },
    route: { state: true },
    brand: { state: true },
    viewerName: { state: true },
    unread: { state: true },
    newsUnread: { state: true },
    roadmapEnabled: { state: true },
    started: { state: true },
    problem: { state: true },
    notice: { state: true },
    asks: { state: true },
  };

  static override styles = communityStyles;

  community = '';
  endpoint = '';
  ssoToken: string | null = null;
  /** The language asked for by the page (`lang="de"`); see i18n/choose-locale.ts for the rest. */
  override lang = '';
  /** The community's default language, once it is loaded. */
  #communityLocale: string | null = null;
  /** The language last given to the server as the member's (setMyLocale). */
  #localeSent = '';
  // A link (shared, from an email) opens where it points; a reload keeps the view.
  route: Route = routeOfAddress();
  brand = '';
  viewerName = '';
  /** New notifications in the threads the member follows (the Account button's badge). */
  unread = 0;
  /** What's new has entries the visitor has not seen (its dot). */
  newsUnread = false;
  roadmapEnabled = false;
  started = false;
  problem = '';
  /** The session notice is in use (ended sign-in, guest activity to bring along). */
  notice = false;
  /** The ask cards are loaded (a signed-in member: the brand may have asked them something). */
  asks = false;
  #app: App | undefined;
  #stopWatching: (() => void) | undefined;
  #returnTo: string | undefined;
  #themeSheet: CSSStyleSheet | undefined;
  #stopLive: (() => void) | undefined;
  /** Back and Forward on the page move the widget too. */
  readonly #onPopState = () => {
    const route = routeOfAddress();
    if (JSON.stringify(route) !== JSON.stringify(this.route)) void this.#go(route, false);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    // Lazy: nothing is fetched until the element is within a screen of the viewport.
    this.#stopWatching = whenNearViewport(this, () => this.#start());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching?.();
    window.removeEventListener('popstate', this.#onPopState);
    this.#stopLive?.();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('ssoToken') && this.#app) this.#app.session.setSso(this.ssoToken);
    if (changed.has('lang') || changed.has('ssoToken')) void this.#speak();
  }

  /** Switches to the language the page, the token, the browser or the community asks for. */
  #speak(): Promise<void> {
    const locale = chooseLocale({ lang: this.lang, ssoToken: this.ssoToken, communityLocale: this.#communityLocale });
    // A language that cannot be fetched leaves the widget in English, working.
    return setLocale(locale).catch((error: unknown) => console.warn('<rapport-community>: language not loaded', error));
  }

  #start(): void {
    if (this.started) return;
    if (!this.community || !this.endpoint) {
      this.problem = msg('rapport-community needs the community and endpoint attributes.');
      console.error(`<rapport-community>: ${this.problem}`);
      return;
    }
    const session = new Session(this.community);
    session.setSso(this.ssoToken);
    const client = createClient(this.endpoint, session, this.community);
    this.#app = {
      client,
      session,
      community: this.community,
      brand: '',
      ensureSession: async () => {
        if (session.token !== null) return true;
        // A customer whose sign-in ended is not offered to go on as a guest: the page is asked again.
        if (session.ended) {
          this.#sessionExpired();
          return false;
        }
        await import('../chunks/guest.ts');
        return (await this.#guestDialog()?.ask()) ?? false;
      },
    };
    session.addEventListener('change', (e) => {
      const reason = (e as CustomEvent<SessionChange>).detail;
      void this.#loadCommunity();
      // Someone else is looking now (signed in, signed out, ended): what is theirs changes. A
      // brand-new guest has voted for nothing yet, and reloading would race with the vote or post
      // that made them join.
      if (reason !== 'joined') this.#viewerChanged();
      if (reason === 'ended') this.#sessionExpired();
      void this.#showNotice();
    });
    void this.#showNotice();
    this.started = true;
    recordArrival(this.#app);
    // The view the address names is loaded with the community, and shown once both are here: an
    // element must be defined before it is rendered, or it would start without its properties.
    const view = VIEWS[this.route.name];
    if (view) {
      const route = this.route;
      this.route = { name: 'list' };
      void view().then(() => {
        if (this.route.name === 'list') this.route = route;
      });
    }
    void this.#loadCommunity();
    // The list's first page goes out with the community's, not after the first render draws the
    // list; the list, asking the same, takes this answer (client/client.ts).
    client.prefetch(THREAD_LIST, listVariables(this.#app));
    // The page's first Intl object costs about 20 ms (ICU loads its data, for every language at
    // once): paid while those requests are out, not after their answers.
    prepareFormats(currentLocale());
  }

  #guestDialog(): GuestDialog | null {
    return this.renderRoot.querySelector<GuestDialog>('rapport-guest-dialog');
  }

  async #loadCommunity(): Promise<void> {
    const app = this.#app;
    if (!app) return;
    const result = await app.client.query(COMMUNITY, { community: this.community });
    const community = result.data?.community;
    if (!community) {
      this.problem = result.data
        ? t(msg('There is no community "{community}".'), { community: this.community })
        : (problemOf(result.error)?.message ?? loadFailed());
      return;
    }
    this.problem = '';
    this.#communityLocale = community.defaultLocale ?? null;
    this.#themeSheet = applyBrandTheme(this.shadowRoot, community.theme ?? [], this.#themeSheet);
    this.brand = community.name;
    app.brand = community.name;
    this.roadmapEnabled = community.roadmapEnabled;
    const viewer = result.data?.viewer;
    this.viewerName = viewer?.member?.displayName ?? '';
    // Their emails come in the language they read here, unless the brand's token says which
    // (the brand's word wins, as for their name); told once per language.
    await this.#speak();
    const locale = currentLocale();
    if (viewer?.member && viewer.locale !== locale && !hasLocaleClaim(this.ssoToken) && this.#localeSent !== locale) {
      this.#localeSent = locale;
      void app.client.mutation(SET_MY_LOCALE, { locale });
    }
    this.unread = viewer?.unreadNotificationCount ?? 0;
    const latest: string = community.changelog?.edges[0]?.node.publishedAt ?? '';
    this.newsUnread = viewer?.member ? viewer.unreadChangelogCount > 0 : latest > newsSeenAt(this.community);
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.asks = false;
    // A signed-in member's badges follow along live, and asks put to them show (chunks of their own,
    // each defined before it is drawn).
    if (viewer?.member) {
      void import('./ask-cards.ts').then(() => {
        this.asks = true;
      });
      const { listenToViewer } = await import('../client/viewer-live.ts');
      this.#stopLive = listenToViewer(app, (counts) => {
        this.unread = counts.unreadNotificationCount;
        this.newsUnread = counts.unreadChangelogCount > 0;
      });
    }
  }

  /** Views read again what belongs to the viewer (votes, follows, what they may edit). */
  #viewerChanged(): void {
    const root = this.renderRoot;
    void root.querySelector<ThreadList>('rapport-thread-list')?.refresh();
    void root.querySelector<ThreadView>('rapport-thread-view')?.refresh();
    void root.querySelector<RoadmapView>('rapport-roadmap')?.refresh();
    void root.querySelector<AskCards>('rapport-ask-cards')?.refresh();
    if (this.route.name === 'account' && this.#app?.session.kind !== 'SSO') void this.#go({ name: 'list' }, false);
  }

  /**
   * The customer's sign-in ended: the page hears it (to sign them in again and set a new
   * sso-token), and they are told, by the notice, without losing what they typed.
   */
  #sessionExpired(): void {
    this.dispatchEvent(new Event('rapport-session-expired', { bubbles: true, composed: true }));
  }

  /** The session notice (its own chunk) is shown once there is something to say. */
  async #showNotice(): Promise<void> {
    const session = this.#app?.session;
    if (this.notice || !session || !(session.ended || (session.kind === 'SSO' && session.guestToken))) return;
    await import('./session-notice.ts');
    this.notice = true;
  }

  /** A vote cast anywhere (an open thread, the roadmap) shows on the hidden list too, so "back" is current. */
  #voted = (e: CustomEvent<{ threadId: string; count: number; voted: boolean }>): void => {
    const { threadId, count, voted } = e.detail;
    this.renderRoot
      .querySelector<ThreadList>('rapport-thread-list')
      ?.updateThread(threadId, { voteCount: count, viewerHasVoted: voted });
  };

  /** What's new was seen: its dot goes (for an anonymous visitor, remembered in this browser). */
  #newsSeen(): void {
    this.newsUnread = false;
    markNewsSeen(this.community);
  }

  #navigate(event: NavigateEvent): Promise<void> {
    event.stopPropagation();
    return this.#go(event.route, true);
  }

  /** Shows a route (loading its chunk first); `record`: a new entry in the page's history. */
  async #go(route: Route, record: boolean): Promise<void> {
    await VIEWS[route.name]?.();
    const from = this.route;
    this.route = route;
    if (record) pushRoute(route);
    if (from.name === 'thread') this.#returnTo = from.id;
    await this.updateComplete;
    if (route.name === 'list' && this.#returnTo) {
      this.renderRoot.querySelector<ThreadList>('rapport-thread-list')?.focusThread(this.#returnTo);
    }
  }

  constructor() {
    super();
    // Every message is drawn again when the language changes.
    updateWhenLocaleChanges(this);
  }

  override render() {
    const app = this.#app;
    if (this.problem) {
      return html`<div class="frame" part="container" dir=${directionOf(currentLocale())} lang=${currentLocale()}>
        <p class="error" role="alert">${this.problem}</p>
        ${app ? html`<button class="btn" @click=${() => this.#loadCommunity()}>${msg('Try again')}</button>` : nothing}</div>`;
    }
    if (!app) {
      return html`<div class="frame" part="container" aria-busy="true" dir=${directionOf(currentLocale())}
        lang=${currentLocale()}><p class="muted">${loading()}</p></div>`;
    }
    const route = this.route;
    // Until the community's name and look arrive, the list is already there, hidden: its request
    // goes out with the community's, not after it (one round trip to the first threads).
    const ready = Boolean(this.brand);
    return html`<section class="frame" part="container" aria-busy=${ready ? 'false' : 'true'}
        aria-label=${ready ? t(msg('{brand} community'), { brand: this.brand }) : loading()}
        dir=${directionOf(currentLocale())} lang=${currentLocale()}
        @rapport-navigate=${this.#navigate}
        @rapport-posted=${() => this.renderRoot.querySelector<ThreadList>('rapport-thread-list')?.refresh()}
        @rapport-voted=${this.#voted}
        @rapport-guest-brought=${() => {
          void this.#loadCommunity();
          this.#viewerChanged();
        }}>
      ${ready ? this.#header(route) : html`<p class="muted">${loading()}</p>`}
      ${ready ? this.#views(app, route) : nothing}
      <rapport-thread-list .app=${app} ?hidden=${!ready || route.name !== 'list'}></rapport-thread-list>
      ${ready ? this.#lateViews(app, route) : nothing}
      <rapport-guest-dialog .app=${app}></rapport-guest-dialog>
    </section>`;
  }

  #header(route: Route) {
    return html`<header part="header">
        <h2>${this.brand}</h2>
        <div class="who">
          ${this.viewerName ? html`<span class="muted">${t(msg('Posting as {name}'), { name: this.viewerName })}</span>` : nothing}
          ${
            this.viewerName && route.name !== 'account'
              ? html`<button class="btn" part="button" aria-label=${t(msg('{unread, plural, =0 {Your account} one {Your account: # new notification} other {Your account: # new notifications}}'), { unread: this.unread })}
                  @click=${() => this.#navigate(new NavigateEvent({ name: 'account' }))}>${msg('Account')}${
                    this.unread ? html` <span class="badge">${this.unread}</span>` : nothing
                  }</button>`
              : nothing
          }
          ${
            route.name === 'list'
              ? html`<button class="btn primary" part="button" @click=${() => this.#go({ name: 'new' }, false)}>${msg('New post')}</button>`
              : nothing
          }
        </div>
      </header>`;
  }

  /** What comes above the list: the notice, the tabs, the asks. */
  #views(app: App, route: Route) {
    return html`${this.notice ? html`<rapport-session-notice .app=${app}></rapport-session-notice>` : nothing}
      ${
        route.name === 'list' || route.name === 'roadmap' || route.name === 'whats-new'
          ? communityTabs(route, {
              roadmapEnabled: this.roadmapEnabled,
              newsUnread: this.newsUnread,
              go: (to) => void this.#go(to, true),
            })
          : nothing
      }
      ${this.asks ? html`<rapport-ask-cards .app=${app} ?hidden=${route.name !== 'list'}></rapport-ask-cards>` : nothing}`;
  }

  /** The other views, in place of the list. */
  #lateViews(app: App, route: Route) {
    return html`${route.name === 'roadmap' ? html`<rapport-roadmap .app=${app}></rapport-roadmap>` : nothing}
      ${
        route.name === 'whats-new'
          ? html`<rapport-whats-new .app=${app} .entry=${route.entry ?? null} @rapport-news-seen=${this.#newsSeen}></rapport-whats-new>`
          : nothing
      }
      ${route.name === 'thread' ? keyed(route.id, html`<rapport-thread-view .app=${app} .threadId=${route.id}></rapport-thread-view>`) : nothing}
      ${route.name === 'new' ? html`<rapport-post-form .app=${app}></rapport-post-form>` : nothing}
      ${
        route.name === 'account'
          ? html`<rapport-account .app=${app} @rapport-notifications-read=${() => {
              this.unread = 0;
            }}></rapport-account>`
          : nothing
      }`;
  }
}
