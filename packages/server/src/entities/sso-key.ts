import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';

/**
 * A shared secret the brand's server signs customer tokens with (HS256). A community may hold
 * several active keys at once so that a brand can rotate without downtime; the token's `kid`
 * header names the key, and key ids are unique across communities, so a token names its community.
 */
const SsoKeySchema = defineEntity({
  name: 'SsoKey',
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    kid: p.string().length(64).unique(),
    secret: p.string().length(128).hidden(),
    createdAt: createdAtProperty(),
    revokedAt: p.datetime().nullable(),
  },
});

export class SsoKey extends SsoKeySchema.class {}
SsoKeySchema.setClass(SsoKey);
