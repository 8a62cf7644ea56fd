import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';
import { StaffMember } from './staff-member.ts';
import { Thread } from './thread.ts';

/** A reply in a thread, by a customer (`authorMember`) or a staff member (`authorStaff`). */
const ReplySchema = defineEntity({
  name: 'Reply',
  indexes: [{ properties: ['thread', 'createdAt', 'id'] }, { properties: ['authorMember'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    thread: () => p.manyToOne(Thread),
    authorMember: () => p.manyToOne(Member).nullable(),
    authorStaff: () => p.manyToOne(StaffMember).nullable(),
    body: p.text(),
    /** Lexicon sentiment, -1..1; null when not measured. Read as a thread's (see Thread). */
    sentiment: p.double().nullable(),
    sentimentLanguage: p.string().length(8).nullable(),
    hiddenAt: p.datetime().nullable(),
    hiddenReason: p.string().length(500).nullable(),
    /** A staff member marked it helpful (shown to customers; counts toward the author's ranking). */
    helpfulAt: p.datetime().nullable(),
    helpfulBy: () => p.manyToOne(StaffMember).nullable(),
    /** Set when the author changed the text (within the edit window). */
    editedAt: p.datetime().nullable(),
    /** Set when the author deleted it: it disappears for everyone; the row stays for the record. */
    deletedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class Reply extends ReplySchema.class {}
ReplySchema.setClass(Reply);
