import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { matchLocale } from '@rapport/shared/i18n/locales.ts';
import { type SsoClaims, SsoTokenError, ssoKeyId, verifySsoToken } from '../auth/sso-token.ts';
import { GUEST_TOKEN_PREFIX, hashToken, newToken } from '../auth/tokens.ts';
import { VerifiedTokens } from '../auth/verified-tokens.ts';
import { unauthenticated } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import { sameAttributes } from '../core/member-attributes.ts';
import { bindEm } from '../core/scope.ts';
import { sharedCache } from '../core/shared-cache.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { Member, StaffSession } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import { type Actor, lazyMemberActor, type MemberActor, memberIdOf } from './actor.ts';
import { sharedActiveSsoKey } from './communities.ts';
import { syncSsoConsents } from './consent.ts';
import { type GuestOrigin, originHashes } from './guest-origin.ts';
import { type KnownMember, loadKnownMember, memberOf } from './members/known.ts';

/** `lastSeenAt` is written at most this often per member, not on every request. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

/**
 * Who a bearer token belongs to: a guest token issued by startGuestSession, or an SSO token
 * signed by the brand. Any token that does not check out is refused (never treated as anonymous).
 *
 * Every widget request of a signed-in customer starts here, so what it reads (the SSO key, the
 * member's row, their consents) comes from the process's shared cache until the community next
 * changes: a suspension, an erasure, a retired key is a commit, and applies from the next request
 * on, in every process (core/shared-cache.ts).
 *
 * `em` is only forked, never queried itself, so the ORM's own manager may be given: a guest's
 * request whose answer comes from the caches then makes no entity manager at all.
 */
export async function actorFromBearer(em: Em, events: EventBus, token: string): Promise<MemberActor> {
  return token.startsWith(GUEST_TOKEN_PREFIX) ? guestActor(em, events, token) : ssoActor(em, events, token);
}

async function guestActor(em: Em, events: EventBus, token: string): Promise<MemberActor> {
  const hash = hashToken(token);
  const known = await sharedCache(events, 'viewers').find(
    `guest\n${hash}`,
    () => loadKnownMember(em.fork(), { guestTokenHash: hash, erasedAt: null }),
    (member) => member.communityId,
  );
  if (!known) throw unauthenticated('error.guest.invalid');
  await touch(() => em, known);
  return lazyMemberActor('GUEST', known.communityId, known.shared.id, () => memberOf(em.fork(), known));
}

async function ssoActor(em: Em, events: EventBus, token: string): Promise<MemberActor> {
  let claims: SsoClaims;
  let communityId: string;
  try {
    const hash = hashToken(token);
    const verified = verifiedTokens.get(hash);
    const kid = verified?.kid ?? ssoKeyId(token);
    const key = await sharedActiveSsoKey(em, events, kid);
    if (!key)
      throw new SsoTokenError('The sign-in token was signed with an unknown or retired key.', 'error.sso.unknownKey');
    if (verified?.secret === key.secret) claims = verified.claims;
    else {
      claims = await verifySsoToken(token, key.secret);
      verifiedTokens.remember(hash, { kid, secret: key.secret, claims });
    }
    communityId = key.community.id;
  } catch (error) {
    if (error instanceof SsoTokenError) throw unauthenticated(error.text);
    throw error;
  }
  // Bound to the community only when something reads or writes: a known customer whose token
  // changes nothing is answered from the caches, and a fork is garbage on every request.
  let scoped: Em | undefined;
  const bound = () => {
    scoped ??= bindEm(em, communityId);
    return scoped;
  };
  const actor = await upsertSsoMember(bound, events, communityId, claims);
  await syncSsoConsents(bound, communityId, memberIdOf(actor), claims.consents, events);
  return Object.assign(actor, { [TOKEN_EXPIRES_AT]: claims.expiresAt });
}

/** Tokens this process has verified: taken again while unexpired and their key active and unchanged. */
const verifiedTokens = new VerifiedTokens();

/** When a signed-in customer's token expires (guest tokens do not): a property, as actor.ts's MEMBER_ID. */
const TOKEN_EXPIRES_AT = Symbol('tokenExpiresAt');

/**
 * Whether a viewer's sign-in still holds, for a live stream opened with it: a staff session not
 * signed out, reset or expired, of an account still active; a customer's token not expired and,
 * with `account`, their account not deleted (read from the database, not the caches).
 */
export async function stillSignedIn(em: Em, actor: Actor, { account = true } = {}): Promise<boolean> {
  if (actor.kind === 'STAFF') {
    if (!actor.session) return actor.staff.active;
    const session = await em
      .fork()
      .findOne(
        StaffSession,
        { id: actor.session.id, revokedAt: null, expiresAt: { $gt: new Date() } },
        { populate: ['staff'], fields: ['id', 'staff.active'], filters: { tenant: false } },
      );
    return session?.staff.active === true;
  }
  const expiresAt = (actor as { [TOKEN_EXPIRES_AT]?: number })[TOKEN_EXPIRES_AT] ?? Number.POSITIVE_INFINITY;
  if (expiresAt <= Date.now()) return false;
  if (!account) return true;
  const member = await em.fork().findOne(
    Member,
    // A guest's token ends when their activity moved into a signed-in account.
    { id: memberIdOf(actor), erasedAt: null, ...(actor.kind === 'GUEST' ? { guestTokenHash: { $ne: null } } : {}) },
    { fields: ['id'], filters: { tenant: false } },
  );
  return member !== null;
}

/**
 * The brand is the source of truth for its customers' names and attributes: each token refreshes
 * them (a token without attributes leaves them as they were). Two first
 * requests racing to create the same member meet the unique (community, externalId) and the loser
 * reads the winner's row.
 */
async function upsertSsoMember(
  bound: () => Em,
  events: EventBus,
  communityId: string,
  claims: SsoClaims,
): Promise<MemberActor> {
  const profile = ssoProfile(claims);
  const known = await sharedCache(events, 'viewers').get(communityId, `sso\n${claims.sub}`, () =>
    loadKnownMember(bound(), { community: communityId, externalId: claims.sub }),
  );
  if (known?.shared.erasedAt) throw unauthenticated('error.accountDeleted');
  if (known) {
    const { shared } = known;
    const changed =
      shared.displayName !== profile.displayName ||
      shared.email !== profile.email ||
      shared.avatarUrl !== profile.avatarUrl ||
      (profile.locale !== undefined && shared.locale !== profile.locale) ||
      (claims.attributes !== undefined && !sameAttributes(shared.attributes, claims.attributes));
    if (!changed) {
      await touch(bound, known);
      return lazyMemberActor('CUSTOMER', communityId, shared.id, () => memberOf(bound(), known));
    }
    const em = bound();
    const member = memberOf(em, known);
    // A new address gets its chance: the bounce was the old one's.
    if (member.email !== profile.email) member.emailBouncedAt = null;
    em.assign(member, {
      ...profile,
      locale: profile.locale === undefined ? member.locale : profile.locale,
      attributes: claims.attributes === undefined ? member.attributes : claims.attributes,
    });
    member.lastSeenAt = new Date();
    await em.flush();
    return { kind: 'CUSTOMER', communityId, member };
  }
  const em = bound();
  try {
    const member = await em.transactional(async (tx) => {
      const created = tx.create(Member, {
        community: communityId,
        kind: 'SSO',
        externalId: claims.sub,
        ...profile,
        locale: profile.locale ?? null,
        attributes: claims.attributes ?? null,
      });
      recordActivity(tx, communityId, { kind: 'CUSTOMER', communityId, member: created }, { type: 'MEMBER_JOINED' });
      return created;
    });
    return { kind: 'CUSTOMER', communityId, member };
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const winner = await em.fork().findOne(Member, { externalId: claims.sub });
    if (!winner) throw error;
    return { kind: 'CUSTOMER', communityId, member: winner };
  }
}

/**
 * Claims are the brand's data, but still bounded: overlong or odd values are trimmed, not trusted.
 * A `locale` we do not ship is left out (undefined: the member's stays as it was).
 */
function ssoProfile(
  claims: SsoClaims,
): Pick<Member, 'displayName' | 'email' | 'avatarUrl'> & { locale: string | undefined } {
  const name = [...(claims.name ?? '').replace(/\s+/g, ' ').trim()].slice(0, 50).join('');
  const email = claims.email && claims.email.length <= 254 ? claims.email.trim().toLowerCase() : null;
  let avatarUrl: string | null = null;
  if (claims.avatar && claims.avatar.length <= 500) {
    try {
      avatarUrl = valid.httpUrl(claims.avatar, 'avatar');
    } catch {}
  }
  return {
    displayName: name || email?.split('@')[0] || 'Customer',
    email,
    avatarUrl,
    locale: matchLocale(claims.locale) ?? undefined,
  };
}

export interface GuestSession {
  token: string;
  actor: MemberActor;
}

/**
 * A visitor without SSO takes part under a display name; the token is their only key. Where they
 * join from is kept hashed (services/guest-origin.ts).
 */
export async function startGuestSession(
  em: Em,
  communityId: string,
  displayName: string,
  origin?: GuestOrigin,
): Promise<GuestSession> {
  const name = valid.line(displayName, valid.LIMITS.displayName);
  const hashes = origin ? originHashes(communityId, origin) : {};
  const token = newToken(GUEST_TOKEN_PREFIX);
  const bound = bindEm(em, communityId);
  const member = await bound.transactional(async (tx) => {
    const created = tx.create(Member, {
      community: communityId,
      kind: 'GUEST',
      displayName: name,
      guestTokenHash: hashToken(token),
      ...hashes,
    });
    recordActivity(tx, communityId, { kind: 'GUEST', communityId, member: created }, { type: 'MEMBER_JOINED' });
    return created;
  });
  return { token, actor: { kind: 'GUEST', communityId, member } };
}

/**
 * The staff member behind a session cookie, if the session is live and the account active. Like
 * actorFromBearer, only forks `em`.
 */
export async function actorFromSession(em: Em, token: string): Promise<Actor | null> {
  const session = await em
    .fork()
    .findOne(
      StaffSession,
      { tokenHash: hashToken(token), revokedAt: null, expiresAt: { $gt: new Date() } },
      { populate: ['staff'], filters: { tenant: false } },
    );
  if (!session?.staff.active) return null;
  return { kind: 'STAFF', communityId: session.community.id, staff: session.staff, session };
}

/**
 * Stamps `lastSeenAt` at most once per LAST_SEEN_RESOLUTION_MS, with a plain update: a flush
 * commits, and every commit tells every process that the community changed (which would expire
 * what they cache of it on each visit). A cached row keeps its old stamp, so `known.seenAt` says
 * when this process last stamped it.
 */
async function touch(em: () => Em, known: KnownMember): Promise<void> {
  const now = Date.now();
  if (now - known.seenAt <= LAST_SEEN_RESOLUTION_MS) return;
  known.seenAt = now;
  await em()
    .fork()
    .nativeUpdate(Member, { id: known.shared.id }, { lastSeenAt: new Date(now) }, { filters: { tenant: false } });
}
