import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { Thread } from './thread.ts';

/** One member's vote on one thread. The unique pair makes a repeated vote a no-op, not a second vote. */
const VoteSchema = defineEntity({
  name: 'Vote',
  uniques: [{ properties: ['thread', 'member'] }],
  indexes: [{ properties: ['member'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    thread: () => p.manyToOne(Thread),
    member: () => p.manyToOne(Member),
    createdAt: createdAtProperty(),
  },
});

export class Vote extends VoteSchema.class {}
VoteSchema.setClass(Vote);
