import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Reply } from './reply.ts';
import { StaffMember } from './staff-member.ts';
import { Thread } from './thread.ts';

/** A staff member named with "@Name" in a reply: their inbox can show threads that mention them. */
const MentionSchema = defineEntity({
  name: 'Mention',
  uniques: [{ properties: ['reply', 'staff'] }],
  indexes: [{ properties: ['staff', 'createdAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    thread: () => p.manyToOne(Thread),
    reply: () => p.manyToOne(Reply),
    staff: () => p.manyToOne(StaffMember),
    createdAt: createdAtProperty(),
  },
});

export class Mention extends MentionSchema.class {}
MentionSchema.setClass(Mention);
