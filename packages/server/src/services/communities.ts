import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { isLocale, type Locale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { contrastProblems, isColour, MIN_TEXT_CONTRAST } from '@rapport/shared/theme-palette.ts';
import { isColourProperty, isPlainCssValue, isThemeProperty, THEME_PROPERTIES } from '@rapport/shared/theme-values.ts';
import { badInput, conflict, notFound } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import { sharedCache } from '../core/shared-cache.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { Community, SsoKey } from '../entities/index.ts';
import { localeOr } from '../i18n/say.ts';
import type { StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { reindexInCommunityLanguage } from './search/language.ts';

export interface NewCommunity {
  slug: string;
  name: string;
  origins?: string[];
}

export interface CreatedCommunity {
  community: Community;
  /** Shown once: the brand's server signs customer tokens with it. */
  ssoSecret: string;
  ssoKeyId: string;
}

/** Creates a community with its first SSO signing key. */
export async function createCommunity(em: Em, input: NewCommunity): Promise<CreatedCommunity> {
  const slug = valid.slug(input.slug);
  const name = valid.line(input.name, valid.LIMITS.communityName);
  const allowedOrigins = [...new Set((input.origins ?? []).map(valid.origin))];
  try {
    return await em.transactional(async (tx) => {
      const community = tx.create(Community, { slug, name, allowedOrigins, settings: {} });
      const key = newSsoKey(tx, community);
      return { community, ssoSecret: key.secret, ssoKeyId: key.kid };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict(['error.community.slugTaken', { slug }]);
    }
    throw error;
  }
}

/** Adds a signing key (the community's first, or a new one during rotation). */
export function newSsoKey(em: Em, community: Community): SsoKey {
  return em.create(SsoKey, {
    community,
    kid: `k_${randomBytes(12).toString('base64url')}`,
    secret: randomBytes(32).toString('base64url'),
  });
}

/**
 * Rotation without downtime: a new signing key is added while the old ones stay valid, the brand
 * moves its server to the new secret, then retires the old key.
 */
export async function rotateSsoKey(em: Em, communityId: string, by: StaffActor | null): Promise<SsoKey> {
  return em.transactional(async (tx) => {
    const community = await tx.findOneOrFail(Community, { id: communityId });
    const key = newSsoKey(tx, community);
    recordAudit(tx, communityId, by, { action: 'sso.rotate', targetType: 'SsoKey', targetId: key.kid });
    return key;
  });
}

/** Retires a key: tokens signed with it stop working at once. The last active key stays. */
/** A community by slug with what checks an inbound email's secret (no tenant is bound yet). */
export function inboundCommunity(em: Em, slug: string): Promise<Pick<Community, 'id' | 'inboundSecretHash'> | null> {
  return em.findOne(Community, { slug }, { fields: ['id', 'inboundSecretHash'] });
}

/** The community of a scope (or of a signed-in viewer), which exists while they do. */
export function communityById(em: Em, id: string): Promise<Community | null> {
  return em.findOne(Community, { id });
}

export async function retireSsoKey(em: Em, communityId: string, kid: string, by: StaffActor | null): Promise<void> {
  await em.transactional(async (tx) => {
    const active = await tx.find(SsoKey, { revokedAt: null });
    const key = active.find((k) => k.kid === kid);
    if (!key) throw notFound(['error.notFound.key', { kid }]);
    if (active.length === 1) throw conflict('error.community.lastKey');
    key.revokedAt = new Date();
    recordAudit(tx, communityId, by, { action: 'sso.retire', targetType: 'SsoKey', targetId: kid });
  });
}

export function activeSsoKeys(em: Em): Promise<SsoKey[]> {
  return em.find(SsoKey, { revokedAt: null }, { orderBy: { createdAt: 'asc' } });
}

/** Looks a community up by slug. Communities are the tenants themselves, so this is not scoped. */
export function findCommunityBySlug(em: Em, slug: string): Promise<Community | null> {
  return em.findOne(Community, { slug });
}

/**
 * A community by slug for reading only, from the shared cache (core/shared-cache.ts) until it
 * next changes: every widget request starts by looking its community up. The entity is shared by
 * requests, so nothing may change it (writes load their own).
 */
export function sharedCommunityBySlug(em: Em, events: EventBus, slug: string): Promise<Community | null> {
  return sharedCache(events).find(
    `community\n${slug}`,
    () => findCommunityBySlug(em.fork(), slug),
    (community) => community.id,
  );
}

/**
 * Finds the active key a token names. Key ids are unique across communities, which is how a token
 * names its community; hence the one deliberate cross-tenant read.
 */
export function findActiveSsoKey(em: Em, kid: string): Promise<SsoKey | null> {
  return em.findOne(SsoKey, { kid, revokedAt: null }, { filters: { tenant: false } });
}

/**
 * The active key a token names, from the shared cache until its community next changes (a new or
 * retired key is a commit): every signed-in customer's request starts here. Shared: read only.
 */
export function sharedActiveSsoKey(em: Em, events: EventBus, kid: string): Promise<SsoKey | null> {
  return sharedCache(events).find(
    `sso-key\n${kid}`,
    () => findActiveSsoKey(em.fork(), kid),
    (key) => key.community.id,
  );
}

/**
 * Checks a theme: known properties only, values that are plain CSS, colours where a colour goes,
 * and text readable (WCAG AA) in both the light and the dark scheme.
 */
export function checkTheme(theme: Record<string, string>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [property, raw] of Object.entries(theme)) {
    if (!isThemeProperty(property)) {
      throw badInput(
        { forDevelopers: `"${property}" is not a theme property (${THEME_PROPERTIES.join(', ')}).` },
        'theme',
      );
    }
    const value = raw.trim();
    if (!value) continue;
    if (!isPlainCssValue(value)) {
      throw badInput('error.theme.notPlain', `theme.${property}`);
    }
    if (isColourProperty(property) && !isColour(value)) {
      throw badInput('error.theme.needsColour', `theme.${property}`);
    }
    checked[property] = value;
  }
  // Readable in both schemes, or refused: the first problem, on the field to change.
  const [problem] = contrastProblems(checked);
  if (problem) {
    const { pair, scheme, ratio } = problem;
    throw badInput(
      [
        'error.theme.contrast',
        {
          what: { id: `theme.pair.${pair}` },
          scheme,
          ratio,
          min: MIN_TEXT_CONTRAST,
        },
      ],
      `theme.${problem.property}`,
    );
  }
  return checked;
}

export interface CommunityChange {
  name?: string | null;
  theme?: Record<string, string> | null;
  /** One of the shipped locales (shared/i18n/locales.ts). */
  defaultLocale?: string | null;
}

/** The language to write to a member in: their own, else their community's. */
export const memberLocale = (own: string | null | undefined, community: Pick<Community, 'settings'> | null): Locale =>
  localeOr(own, community ? defaultLocaleOf(community) : null);

/** A community's language, by id (see defaultLocaleOf). */
export async function communityLocale(em: Em, communityId: string): Promise<Locale> {
  const community = await em.findOne(Community, { id: communityId }, { filters: false });
  return community ? defaultLocaleOf(community) : SOURCE_LOCALE;
}

/** The community's language: the widget's last resort, and emails' for members without one. */
export const defaultLocaleOf = (community: Pick<Community, 'settings'>): Locale =>
  isLocale(community.settings.defaultLocale) ? community.settings.defaultLocale : SOURCE_LOCALE;

/** The community's name and widget theme. Audited. */
export async function updateCommunity(
  em: Em,
  communityId: string,
  change: CommunityChange,
  by: StaffActor | null,
): Promise<Community> {
  const name = change.name == null ? undefined : valid.line(change.name, valid.LIMITS.communityName);
  const theme = change.theme == null ? undefined : checkTheme(change.theme);
  const defaultLocale =
    change.defaultLocale == null ? undefined : valid.shippedLocale(change.defaultLocale, 'defaultLocale');
  return em.transactional(async (tx) => {
    const community = await tx.findOne(Community, { id: communityId });
    if (!community) throw notFound('error.notFound.community');
    const before = {
      name: community.name,
      theme: community.settings.theme ?? {},
      defaultLocale: defaultLocaleOf(community),
    };
    if (name !== undefined) community.name = name;
    if (theme !== undefined) community.settings = { ...community.settings, theme };
    if (defaultLocale !== undefined) community.settings = { ...community.settings, defaultLocale };
    recordAudit(tx, communityId, by, {
      action: 'community.update',
      targetType: 'Community',
      targetId: communityId,
      before,
      after: { name: community.name, theme: community.settings.theme ?? {}, defaultLocale: defaultLocaleOf(community) },
    });
    if (defaultLocaleOf(community) !== before.defaultLocale) await reindexInCommunityLanguage(tx, communityId);
    return community;
  });
}

/** Sites one community may be embedded on: a brand's own sites, not a list of the web. */
export const MAX_ORIGINS = 50;

/** The origins each community allows to embed it, by slug (for CORS, which knows only the URL). */
export async function embedOriginsBySlug(em: Em): Promise<Map<string, Set<string>>> {
  const communities = await em.find(Community, {}, { fields: ['slug', 'allowedOrigins'] });
  return new Map(communities.map((c) => [c.slug, new Set(c.allowedOrigins)]));
}

/**
 * Replaces the origins allowed to embed the community (and call the API from a browser). Running
 * servers pick the change up within their CORS cache time (10 s).
 */
export async function setAllowedOrigins(
  em: Em,
  communityId: string,
  origins: string[],
  by: StaffActor | null,
): Promise<Community> {
  if (origins.length > MAX_ORIGINS) {
    throw badInput(['error.community.tooManyOrigins', { max: MAX_ORIGINS, count: origins.length }], 'origin');
  }
  const allowed = [...new Set(origins.map(valid.origin))];
  return em.transactional(async (tx) => {
    const community = await tx.findOne(Community, { id: communityId });
    if (!community) throw notFound('error.notFound.community');
    const before = community.allowedOrigins;
    community.allowedOrigins = allowed;
    recordAudit(tx, communityId, by, {
      action: 'community.origins',
      targetType: 'Community',
      targetId: communityId,
      before: { allowedOrigins: before },
      after: { allowedOrigins: allowed },
    });
    return community;
  });
}
