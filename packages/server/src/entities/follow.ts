import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { StaffMember } from './staff-member.ts';
import { Thread } from './thread.ts';

/** A member or a staff member following a thread (exactly one of the two is set). */
const FollowSchema = defineEntity({
  name: 'Follow',
  uniques: [{ properties: ['thread', 'member'] }, { properties: ['thread', 'staff'] }],
  indexes: [{ properties: ['member'] }, { properties: ['staff'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    thread: () => p.manyToOne(Thread),
    member: () => p.manyToOne(Member).nullable(),
    staff: () => p.manyToOne(StaffMember).nullable(),
    createdAt: createdAtProperty(),
  },
});

export class Follow extends FollowSchema.class {}
FollowSchema.setClass(Follow);
