import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';

/** What a community API key may do: read members and the ranking, write members, read demand. */
export const API_KEY_SCOPES = ['READ_MEMBERS', 'WRITE_MEMBERS', 'READ_DEMAND'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A key the brand's own servers call the API with (`Authorization: Bearer rk_…`), made by a
 * manager for some scopes. Only its hash is kept: the key is shown once, when it is made.
 */
const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  indexes: [{ properties: ['community', 'createdAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    name: p.string().length(80),
    scopes: p.json<ApiKeyScope[]>().$type<ApiKeyScope[]>(),
    keyHash: p.string().length(64).unique().hidden(),
    /** The key's first characters, for telling keys apart in the console. */
    keyStart: p.string().length(16),
    createdBy: () => p.manyToOne(StaffMember).nullable(),
    createdAt: createdAtProperty(),
    /** Stamped at most once a minute, not on every call. */
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    revokedBy: () => p.manyToOne(StaffMember).nullable(),
  },
});

export class ApiKey extends ApiKeySchema.class {}
ApiKeySchema.setClass(ApiKey);
