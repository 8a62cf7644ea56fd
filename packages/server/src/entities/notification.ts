import { defineEntity, p } from '@mikro-orm/core';
import { ChangelogEntry } from './changelog.ts';
import { createdAtProperty, idProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { Reply } from './reply.ts';
import { StaffMember } from './staff-member.ts';
import { StatusChange } from './status-change.ts';
import { Thread } from './thread.ts';

export const NOTIFICATION_KINDS = ['REPLY', 'STATUS_CHANGED', 'MERGED', 'CHANGELOG'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Something a member is told of in the widget (and, with their consent, by email): written in the
 * transaction of what happened, once per member and event (`dedupeKey`), whatever number of ways
 * they are connected to it (author, voter, follower, of the thread or of one merged into it).
 */
const NotificationSchema = defineEntity({
  name: 'Notification',
  uniques: [{ properties: ['member', 'dedupeKey'] }],
  indexes: [{ properties: ['member', 'createdAt', 'id'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    member: () => p.manyToOne(Member),
    kind: p.enum(NOTIFICATION_KINDS),
    /** The event it tells of, e.g. `activity:<id>` or `changelog:<id>`. */
    dedupeKey: p.string().length(80),
    thread: () => p.manyToOne(Thread).nullable(),
    reply: () => p.manyToOne(Reply).nullable(),
    statusChange: () => p.manyToOne(StatusChange).nullable(),
    /** MERGED: where the conversation went. */
    mergedInto: () => p.manyToOne(Thread).nullable(),
    changelogEntry: () => p.manyToOne(ChangelogEntry).nullable().deleteRule('cascade'),
    actorMember: () => p.manyToOne(Member).nullable(),
    actorStaff: () => p.manyToOne(StaffMember).nullable(),
    createdAt: createdAtProperty(),
  },
});

export class Notification extends NotificationSchema.class {}
NotificationSchema.setClass(Notification);
