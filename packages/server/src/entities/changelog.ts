import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';
import { Community } from './community.ts';
import { StaffMember } from './staff-member.ts';
import { Thread } from './thread.ts';

export const CHANGELOG_STATUSES = ['DRAFT', 'SCHEDULED', 'PUBLISHED'] as const;
export type ChangelogStatus = (typeof CHANGELOG_STATUSES)[number];

/**
 * "What's new": an entry staff write (title, a safe Markdown body) about what shipped, signed by
 * its author. Publishing it ships the threads it delivers and tells everyone who asked for them.
 */
const ChangelogEntrySchema = defineEntity({
  name: 'ChangelogEntry',
  indexes: [{ properties: ['community', 'status', 'publishedAt'] }, { properties: ['status', 'publishAt'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    title: p.string().length(200),
    /** Markdown: paragraphs, emphasis, links, lists and code (services/markdown.ts). */
    body: p.text(),
    author: () => p.manyToOne(StaffMember),
    status: p.enum(CHANGELOG_STATUSES).default('DRAFT'),
    /** SCHEDULED: when it publishes itself. */
    publishAt: p.datetime().nullable(),
    publishedAt: p.datetime().nullable(),
    /** Changed after it was published: shown as edited. */
    editedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class ChangelogEntry extends ChangelogEntrySchema.class {}
ChangelogEntrySchema.setClass(ChangelogEntry);

/** A thread an entry delivers. */
const ChangelogThreadSchema = defineEntity({
  name: 'ChangelogThread',
  uniques: [{ properties: ['entry', 'thread'] }],
  indexes: [{ properties: ['thread'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    entry: () => p.manyToOne(ChangelogEntry).deleteRule('cascade'),
    thread: () => p.manyToOne(Thread),
    /** Its place in the entry's list, as staff ordered it. */
    position: p.integer().default(0),
    createdAt: createdAtProperty(),
  },
});

export class ChangelogThread extends ChangelogThreadSchema.class {}
ChangelogThreadSchema.setClass(ChangelogThread);
