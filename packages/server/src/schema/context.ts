import { type Locale, matchLocale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { AppError } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import { entryOf } from '../core/map-entry.ts';
import { openScope, type Scope } from '../core/scope.ts';
import type { Em } from '../db/em.ts';
import type { Community } from '../entities/index.ts';
import type { CustomerShare } from '../live/live-stream-hub.ts';
import type { ViewerDifferences } from '../live/shared-execution.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import type { Action } from '../rate-limit/rules.ts';
import { type Actor, isMember, isStaff, type MemberActor, memberIdOf, type StaffActor } from '../services/actor.ts';
import { type ApiKeyCaller, apiKeyInUse } from '../services/api-keys.ts';
import { communityLocale, findCommunityBySlug, sharedCommunityBySlug } from '../services/communities.ts';
import { stillSignedIn } from '../services/identity.ts';
import type { OutboundPolicy } from '../services/outbound/public-address.ts';

export interface CookieOptions {
  maxAgeSeconds?: number;
}

/** What the HTTP layer provides to resolvers, per request. */
export interface ContextInit {
  request: Request;
  /**
   * The community a cross-origin browser request named (`?community=`): CORS granted it for that
   * community's origins, so it may address no other. Null for the server's own pages and for
   * requests without an Origin (servers, the CLI).
   */
  addressed?: string | null;
  /** The server's public address (PUBLIC_URL), for links it hands out: a Host header can lie. */
  publicUrl: string;
  /** The ORM's own entity manager: the context forks it when the request first needs one. */
  rootEm: Em;
  events: EventBus;
  viewer: Actor | null;
  /** The brand's server calling with a community API key (the viewer is then null). */
  apiKey?: ApiKeyCaller | null;
  /** The client's address (see http/client-ip.ts). */
  ip: string;
  limiter: Limiter;
  /** Where the server may send requests of a brand's choosing (webhooks). */
  outbound: OutboundPolicy;
  setCookie(name: string, value: string, options?: CookieOptions): void;
  deleteCookie(name: string): void;
}

/**
 * The GraphQL context. A request acts inside at most one community: a signed-in viewer's own, or
 * for an anonymous visitor the one its first `community(slug:)` names. Every tenant query goes
 * through `scope()`, whose entity manager is bound to that community.
 *
 * The members are arrow functions on the instance because yoga copies the context's own
 * properties into its own object: methods on a prototype, or getters, would not survive the copy.
 */
/** The scope each live event is delivered with, per community (dropped with the event). */
const eventScopes = new WeakMap<object, Map<string, Scope>>();

/** A row with an author: a thread or a reply. */
interface Authored {
  authorMember?: { id: string } | null;
}

export class Context {
  readonly request: Request;
  readonly events: EventBus;
  readonly setCookie: ContextInit['setCookie'];
  readonly deleteCookie: ContextInit['deleteCookie'];
  readonly ip: string;
  readonly limiter: Limiter;
  readonly outbound: OutboundPolicy;
  readonly publicUrl: string;
  /** The brand's server calling with an API key: allowed only its scopes (schema/builder.ts). */
  readonly apiKey: ApiKeyCaller | null;
  #viewer: Actor | null;
  readonly #addressed: string | null;
  readonly #rootEm: Em;
  #em: Em | undefined;
  /** The community the request is bound to; its scope is opened when a resolver first asks. */
  #communityId: string | undefined;
  #scope: Scope | undefined;
  /** The live event being delivered (see refreshScope). */
  #event: object | undefined;
  /** When the answer being made stops being true by the clock alone (see changesAt). */
  #validUntil = Number.POSITIVE_INFINITY;
  readonly #init: ContextInit;
  /** Only on a context made by `asAnyone`: what made its answers differ for some viewers. */
  #differences: ViewerDifferences | null = null;
  /** Set by a live stream that reads alike for every customer (see shareWithCustomers). */
  #customerRecheck: (() => Promise<boolean>) | null = null;

  constructor(init: ContextInit) {
    this.#init = init;
    this.request = init.request;
    this.#rootEm = init.rootEm;
    this.events = init.events;
    this.setCookie = init.setCookie;
    this.deleteCookie = init.deleteCookie;
    this.ip = init.ip;
    this.limiter = init.limiter;
    this.outbound = init.outbound;
    this.publicUrl = init.publicUrl;
    this.#viewer = init.viewer;
    this.apiKey = init.apiKey ?? null;
    this.#communityId = init.viewer?.communityId ?? this.apiKey?.communityId;
    this.#addressed = init.addressed ?? null;
  }

  /** Whether the request may address the community `slug` (see ContextInit.addressed). */
  readonly mayAddress = (slug: string): boolean => this.#addressed === null || this.#addressed === slug;

  /** A cross-origin request reaches only the community it named (see ContextInit.addressed). */
  readonly #assertAddressed = (slug: string): void => {
    if (!this.mayAddress(slug)) {
      throw new AppError('FORBIDDEN', {
        forDevelopers: `This request was sent for the community "${this.#addressed}", not "${slug}".`,
      });
    }
  };

  /**
   * The request's entity manager, forked when first asked for: most requests never ask (an
   * answer from the response cache, a live subscriber between events), and a fork is a dozen
   * maps and sets (about 4 KB per live subscriber, and garbage per request).
   */
  readonly em = (): Em => {
    this.#em ??= this.#rootEm.fork();
    return this.#em;
  };

  /** Who is making the request; null when anonymous. */
  readonly viewer = (): Actor | null => {
    if (this.#differences) this.#differences.everyone = true;
    return this.#viewer;
  };

  /**
   * The viewer, for a field that tells them apart from anyone else only when they wrote `row`
   * (viewerCanEdit, viewerIsAuthor): an answer made for anyone then differs only for its author.
   */
  readonly viewerFor = (row: Authored): Actor | null => {
    if (!this.#differences) return this.#viewer;
    if (row.authorMember) this.#differences.authors.add(row.authorMember.id);
    return null;
  };

  /** Whether the viewer is staff: a shared answer is made for anyone, and shared with no staff. */
  readonly viewerIsStaff = (): boolean => isStaff(this.#viewer);

  /**
   * The same request as a visitor who has not signed in would make it, bound to the same
   * community: what a live stream shared by many subscribers is executed with
   * (live/shared-live-streams.ts). It notes what in its answers would differ for a signed-in
   * viewer (`takeDifferences`), so that they are answered on their own instead.
   */
  readonly asAnyone = (): Context => {
    const anyone = new Context({ ...this.#init, viewer: null, apiKey: null });
    anyone.#communityId = this.#communityId;
    anyone.#differences = { everyone: false, authors: new Set() };
    return anyone;
  };

  /** What the answers made since the last call would differ in for signed-in viewers (see asAnyone). */
  readonly takeDifferences = (): ViewerDifferences => {
    const taken = this.#differences ?? { everyone: true, authors: new Set<string>() };
    if (this.#differences) this.#differences = { everyone: false, authors: new Set() };
    return taken;
  };

  /**
   * A live stream whose checks and events read the same for every customer as for anyone, but for
   * the fields `viewerFor` reads, says so: its customers may then share one stream with anyone
   * (live/shared-live-streams.ts), and `recheck` is what each of them is asked before every event.
   */
  readonly shareWithCustomers = (recheck: () => Promise<boolean>): void => {
    this.#customerRecheck = recheck;
  };

  /** The recheck of a customer's live stream that may be shared (see shareWithCustomers), else null. */
  readonly customerShare = (): CustomerShare | null => {
    const viewer = this.#viewer;
    if (!this.#customerRecheck || this.apiKey || !isMember(viewer)) return null;
    return { memberId: memberIdOf(viewer), recheck: this.#customerRecheck };
  };

  /** The language to write to the viewer in: their own choice, else their community's. */
  readonly viewerLocale = async (): Promise<Locale> => {
    const viewer = this.viewer();
    const own = isStaff(viewer) ? viewer.staff.locale : isMember(viewer) ? viewer.member.locale : null;
    const locale = matchLocale(own);
    if (locale) return locale;
    return this.#communityId ? communityLocale(this.em(), this.#communityId) : SOURCE_LOCALE;
  };

  /**
   * Whether the viewer's sign-in still holds (services/identity.ts `stillSignedIn`): a live stream
   * asks before each event. An anonymous viewer has none to lose; an API key, its revocation.
   */
  readonly stillSignedIn = (options?: { account?: boolean }): Promise<boolean> => {
    if (this.apiKey) return apiKeyInUse(this.#rootEm, this.apiKey.id);
    const viewer = this.viewer();
    return viewer ? stillSignedIn(this.#rootEm, viewer, options) : Promise.resolve(true);
  };

  /**
   * Counts an action against the rate limits (per member and per address) and refuses it with
   * RATE_LIMITED past them. Staff answering for the brand are not limited.
   */
  readonly limit = async (action: Action): Promise<void> => {
    const viewer = this.viewer();
    if (isStaff(viewer)) return;
    await this.limiter.check(action, { memberId: isMember(viewer) ? memberIdOf(viewer) : undefined, ip: this.ip });
  };

  /** The viewer, for fields whose authScopes already require one. */
  readonly actor = (): Actor => {
    const viewer = this.viewer();
    if (!viewer) throw new AppError('UNAUTHENTICATED', 'error.signInFirst');
    return viewer;
  };

  /** The staff viewer, for fields whose authScopes already require staff. */
  readonly staff = (): StaffActor => {
    const viewer = this.actor();
    if (!isStaff(viewer)) throw new AppError('FORBIDDEN', 'error.staffOnly');
    return viewer;
  };

  /** The customer viewer, for fields whose authScopes already require a member. */
  readonly member = (): MemberActor => {
    const viewer = this.actor();
    if (!isMember(viewer)) throw new AppError('FORBIDDEN', 'error.customersOnly');
    return viewer;
  };

  /** The community scope of this request. Resolvers below a community can rely on it. */
  readonly scope = (): Scope => {
    const communityId = this.#communityId;
    if (!communityId) throw new Error('No community is bound to this request yet.');
    if (this.#scope) return this.#scope;
    const open = () => openScope(this.#rootEm, communityId, this.events);
    const event = this.#event;
    const scope = event
      ? entryOf(
          entryOf(eventScopes, event, () => new Map()),
          communityId,
          open,
        )
      : open();
    this.#scope = scope;
    return scope;
  };

  /** A community by slug, from the cache shared by requests (read only), binding nothing. */
  readonly sharedCommunity = (slug: string): Promise<Community | null> =>
    sharedCommunityBySlug(this.#rootEm, this.events, slug);

  /**
   * Finds a community by slug and binds the request to it. Another community than the viewer's
   * own is not found, so a token never reaches across tenants; an anonymous request may read one
   * community.
   */
  readonly community = async (slug: string): Promise<Community | null> => {
    this.#assertAddressed(slug);
    const community = await this.sharedCommunity(slug);
    if (!community) return null;
    if (this.#communityId && this.#communityId !== community.id) {
      if (this.viewer() || this.apiKey) return null;
      throw new AppError('BAD_USER_INPUT', { forDevelopers: 'A request can read only one community.' });
    }
    this.#communityId = community.id;
    return community;
  };

  /**
   * A field whose value changes with the clock alone (an edit window closing), not with a commit,
   * says when: a kept answer holding it must be made again from then (http/response-cache.ts).
   */
  readonly changesAt = (at: number | null): void => {
    if (at !== null) this.#validUntil = Math.min(this.#validUntil, at);
  };

  /** Until when the answer made so far holds by the clock (infinite when nothing depends on it). */
  readonly validUntil = (): number => this.#validUntil;

  /** Like `community`, but a missing community is an error (for mutations and subscriptions). */
  readonly requireCommunity = async (slug: string): Promise<Community> => {
    const community = await this.community(slug);
    if (!community) throw new AppError('NOT_FOUND', ['error.noCommunity', { slug }]);
    return community;
  };

  /**
   * For signing in or joining: the community by slug, which must exist, and must be the viewer's
   * own if they are already signed in (a token of one community never acts on another).
   */
  readonly enterCommunity = async (slug: string): Promise<Community> => {
    this.#assertAddressed(slug);
    if (this.apiKey) throw new AppError('FORBIDDEN', 'error.apiKey.signIn');
    const community = await findCommunityBySlug(this.em(), slug);
    if (!community) throw new AppError('NOT_FOUND', ['error.noCommunity', { slug }]);
    if (this.#viewer && this.#viewer.communityId !== community.id) {
      throw new AppError('FORBIDDEN', 'error.otherCommunity');
    }
    return community;
  };

  /** Binds the request to a viewer who just signed in (guest session, staff sign-in). */
  readonly signedIn = (viewer: Actor): void => {
    this.#viewer = viewer;
    this.#communityId = viewer.communityId;
    this.#scope = undefined;
  };

  /**
   * Starts a fresh scope on the same community: a subscription's context lives for hours, and each
   * event it delivers must read current rows, not what the first event cached. Given the event,
   * every subscriber delivering that same event object shares one scope for it: the reply a
   * thousand widgets are shown is loaded once, not a thousand times. (Rows only: what depends on
   * the viewer is computed from each subscriber's own viewer.)
   */
  readonly refreshScope = (event?: object): void => {
    // Opened when a resolver first asks (an event whose fields need no row opens none).
    this.#scope = undefined;
    this.#event = event;
  };
}
