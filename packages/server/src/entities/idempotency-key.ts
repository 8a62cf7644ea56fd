import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';

/**
 * A write a client asked for with its own key, so that the same request sent again (after a
 * timeout, a dropped connection, a double click) returns the first result instead of writing
 * twice. Keys belong to whoever sent them and are forgotten after a day.
 */
const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  uniques: [{ properties: ['community', 'actorId', 'key'] }],
  indexes: [{ properties: ['createdAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    /** The member or staff member who sent it (a key never answers for anyone else). */
    actorId: p.uuid(),
    key: p.string().length(100),
    /** Which mutation it was, and a hash of its input: the same key for another request is refused. */
    operation: p.string().length(40),
    fingerprint: p.string().length(64),
    /** The row the write created or changed (thread or reply). */
    resultId: p.uuid(),
    createdAt: createdAtProperty(),
  },
});

export class IdempotencyKey extends IdempotencyKeySchema.class {}
IdempotencyKeySchema.setClass(IdempotencyKey);
