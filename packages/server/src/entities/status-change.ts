import { defineEntity, p } from '@mikro-orm/core';
import { ChangelogEntry } from './changelog.ts';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';
import { THREAD_STATUSES, Thread } from './thread.ts';

/** A staff member moving a thread from one status to another, with the note followers see. */
const StatusChangeSchema = defineEntity({
  name: 'StatusChange',
  indexes: [{ properties: ['thread', 'createdAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    thread: () => p.manyToOne(Thread),
    staff: () => p.manyToOne(StaffMember),
    fromStatus: p.enum(THREAD_STATUSES),
    toStatus: p.enum(THREAD_STATUSES),
    note: p.text().nullable(),
    /** Shipped by publishing this "What's new" entry, which stands as its note. */
    changelogEntry: () => p.manyToOne(ChangelogEntry).nullable().deleteRule('set null'),
    createdAt: createdAtProperty(),
  },
});

export class StatusChange extends StatusChangeSchema.class {}
StatusChangeSchema.setClass(StatusChange);
