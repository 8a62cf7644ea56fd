/**
 * Community API keys: made by managers for the brand's own servers, each allowed only its scopes
 * (reading members and the ranking, writing members). The key is shown once; only its SHA-256 is
 * kept, so a leaked database hands out no key. Making and revoking are audited.
 */
import { API_KEY_PREFIX, hashToken, newToken } from '../auth/tokens.ts';
import { badInput, notFound, unauthenticated } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { API_KEY_SCOPES, ApiKey, type ApiKeyScope } from '../entities/index.ts';
import type { StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** Keys a community may have in use at once. */
export const MAX_API_KEYS = 20;
/** `lastUsedAt` is written at most this often per key, not on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The brand's server calling with a key: its community, and what it may do. */
export interface ApiKeyCaller {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}

export const isApiKeyToken = (token: string): boolean => token.startsWith(API_KEY_PREFIX);

/** Who calls with this key; a revoked or unknown key is refused (never treated as anonymous). */
export async function apiKeyCaller(rootEm: Em, token: string): Promise<ApiKeyCaller> {
  const em = rootEm.fork();
  const key = await em.findOne(
    ApiKey,
    { keyHash: hashToken(token), revokedAt: null },
    { filters: { tenant: false }, fields: ['id', 'community', 'name', 'scopes', 'lastUsedAt'] },
  );
  if (!key) throw unauthenticated('error.apiKey.invalid');
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: new Date(now) }, { filters: { tenant: false } });
  }
  return { id: key.id, communityId: key.community.id, name: key.name, scopes: key.scopes };
}

/** Whether a key is still in use (not revoked): a live stream opened with it asks before each event. */
export async function apiKeyInUse(rootEm: Em, id: string): Promise<boolean> {
  const key = await rootEm
    .fork()
    .findOne(ApiKey, { id, revokedAt: null }, { filters: { tenant: false }, fields: ['id'] });
  return key !== null;
}

/** Every key of the community, newest first, revoked ones included (they say when). */
export function listApiKeys(scope: Scope): Promise<ApiKey[]> {
  return scope.em.find(
    ApiKey,
    {},
    { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['createdBy', 'revokedBy'] },
  );
}

export interface NewApiKey {
  apiKey: ApiKey;
  /** Shown this once. */
  key: string;
}

export async function createApiKey(
  scope: Scope,
  actor: StaffActor,
  input: { name: string; scopes: readonly string[] },
): Promise<NewApiKey> {
  const name = valid.line(input.name, valid.SERVER_LIMITS.apiKeyName);
  const scopes = [...new Set(input.scopes)];
  if (!scopes.length) throw badInput('error.apiKey.noScopes', 'scopes');
  if (scopes.some((s) => !API_KEY_SCOPES.includes(s as ApiKeyScope))) throw badInput('error.apiKey.noScopes', 'scopes');
  return write(scope, async (em) => {
    if ((await em.count(ApiKey, { revokedAt: null })) >= MAX_API_KEYS) {
      throw badInput(['error.apiKey.tooMany', { max: MAX_API_KEYS }], 'name');
    }
    const key = newToken(API_KEY_PREFIX);
    const apiKey = em.create(ApiKey, {
      community: scope.communityId,
      name,
      scopes: scopes as ApiKeyScope[],
      keyHash: hashToken(key),
      keyStart: key.slice(0, API_KEY_PREFIX.length + 6),
      createdBy: actor.staff,
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'apiKey.create',
      targetType: 'ApiKey',
      targetId: apiKey.id,
      after: { name, scopes },
    });
    return { apiKey, key };
  });
}

/** Stops a key at once, in every process (each call looks the key up). Revoking twice is a no-op. */
export async function revokeApiKey(scope: Scope, actor: StaffActor, id: string): Promise<ApiKey> {
  return write(scope, async (em) => {
    const apiKey = valid.isUuid(id) ? await em.findOne(ApiKey, { id }, { populate: ['createdBy', 'revokedBy'] }) : null;
    if (!apiKey) throw notFound('error.apiKey.notFound');
    if (apiKey.revokedAt) return apiKey;
    apiKey.revokedAt = new Date();
    apiKey.revokedBy = actor.staff;
    recordAudit(em, scope.communityId, actor, {
      action: 'apiKey.revoke',
      targetType: 'ApiKey',
      targetId: apiKey.id,
      before: { name: apiKey.name, scopes: apiKey.scopes },
    });
    return apiKey;
  });
}
