/**
 * "What's new": entries staff write about what shipped (Community.changelog, changelogEntry),
 * published now or at a time; publishing ships the threads an entry delivers. Members' unread
 * state (Viewer.unreadChangelogCount, markChangelogRead).
 */

import * as valid from '../core/validation.ts';
import { CHANGELOG_STATUSES, ChangelogEntry, Community, StaffMember, Thread } from '../entities/index.ts';
import { isMember } from '../services/actor.ts';
import {
  createEntry,
  deleteEntry,
  deliveredThreads,
  findEntry,
  listEntries,
  markChangelogRead,
  publishEntry,
  unpublishEntry,
  unreadEntryCount,
  updateEntry,
} from '../services/changelog/entries.ts';
import { parseMarkdown } from '../services/markdown.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { ThreadRef } from './thread.ts';
import { ViewerRef } from './viewer.ts';

export const ChangelogStatusEnum = builder.enumType('ChangelogStatus', {
  values: CHANGELOG_STATUSES,
  description: 'DRAFT (staff only), SCHEDULED (publishes itself at publishAt) or PUBLISHED.',
});

export const ChangelogEntryRef = builder.node(ChangelogEntry, {
  name: 'ChangelogEntry',
  description: 'A "What\'s new" entry: what shipped, told by the staff member who wrote it.',
  id: { resolve: (entry) => entry.id },
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body', { description: 'As written (Markdown).' }),
    bodyFormatted: t.field({ type: 'FormattedText', resolve: (entry) => parseMarkdown(entry.body) }),
    status: t.field({ type: ChangelogStatusEnum, resolve: (entry) => entry.status }),
    publishAt: t.expose('publishAt', { type: 'DateTime', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    editedAt: t.expose('editedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Changed after it was published.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.field({
      type: StaffMember,
      description: 'Who wrote it (shown by name and title).',
      resolve: async (entry, _args, ctx) => {
        const staff = await ctx.scope().loaders.byId(StaffMember).load(entry.author.id);
        if (!staff) throw new Error(`Changelog entry ${entry.id} has no author`);
        return staff;
      },
    }),
    threads: t.field({
      type: [ThreadRef],
      description: 'The threads it delivers (those still visible).',
      resolve: (entry, _args, ctx) => deliveredThreads(ctx.scope(), entry.id),
    }),
  }),
});

const ChangelogConnectionRef = builder.connectionObject({ type: ChangelogEntryRef, name: 'ChangelogConnection' });

builder.objectFields(Community, (t) => ({
  changelog: t.connection(
    {
      type: ChangelogEntryRef,
      description: "What's new, newest first: customers see published entries; staff every entry (or one status).",
      complexity: connectionComplexity,
      args: { status: t.arg({ type: ChangelogStatusEnum, required: false }) },
      resolve: async (_community, args, ctx) =>
        toConnection(await listEntries(ctx.scope(), ctx.viewer(), { ...forwardArgs(args), status: args.status })),
    },
    ChangelogConnectionRef,
  ),
  changelogEntry: t.field({
    type: ChangelogEntryRef,
    nullable: true,
    args: { id: t.arg.globalID({ for: ChangelogEntry }) },
    resolve: (_community, args, ctx) => findEntry(ctx.scope(), ctx.viewer(), args.id.id),
  }),
}));

builder.queryField('formattedPreview', (t) =>
  t.field({
    type: 'FormattedText',
    description: 'Staff: how a text will be shown (a safe Markdown subset), for a preview while writing.',
    authScopes: { staff: true },
    args: { text: t.arg.string({ description: 'Up to 20,000 characters.' }) },
    resolve: (_root, args) => parseMarkdown(valid.text(args.text, { ...valid.LIMITS.changelogBody, field: 'text' })),
  }),
);

builder.objectFields(ViewerRef, (t) => ({
  unreadChangelogCount: t.int({
    description: "Published entries the member has not seen yet (the widget's dot); 0 for staff.",
    resolve: (viewer, _args, ctx) => (isMember(viewer) ? unreadEntryCount(ctx.scope(), viewer) : 0),
  }),
}));

const ChangelogEntryInput = builder.inputType('ChangelogEntryInput', {
  fields: (t) => ({
    title: t.string({ required: false, description: '3–140 characters, one line (required to create).' }),
    body: t.string({
      required: false,
      description: 'Up to 20,000 characters of Markdown: paragraphs, emphasis, links, lists and code.',
    }),
    threadIds: t.globalIDList({
      for: Thread,
      required: false,
      description: 'The threads it delivers (at most 50), replacing those it had.',
    }),
  }),
});

const ids = (list: { id: string }[] | null | undefined) => list?.map((g) => g.id) ?? null;

builder.mutationFields((t) => ({
  createChangelogEntry: t.field({
    type: ChangelogEntryRef,
    description: 'Staff: a new draft entry, signed by them. Audited.',
    authScopes: { staff: true },
    args: { input: t.arg({ type: ChangelogEntryInput }) },
    resolve: (_root, { input }, ctx) =>
      createEntry(ctx.scope(), ctx.staff(), { title: input.title, body: input.body, threadIds: ids(input.threadIds) }),
  }),
  updateChangelogEntry: t.field({
    type: ChangelogEntryRef,
    description:
      'Staff: changes an entry. A published one shows as edited, and threads added to it ship (their people are told). Audited.',
    authScopes: { staff: true },
    args: { id: t.arg.globalID({ for: ChangelogEntry }), input: t.arg({ type: ChangelogEntryInput }) },
    resolve: async (_root, { id, input }, ctx) =>
      (
        await updateEntry(ctx.scope(), ctx.staff(), id.id, {
          title: input.title,
          body: input.body,
          threadIds: ids(input.threadIds),
        })
      ).entry,
  }),
  publishChangelogEntry: t.field({
    type: ChangelogEntryRef,
    description:
      'Staff: publishes now (ships its threads and tells everyone who asked for them), or schedules it when `at` is in the future. Audited.',
    authScopes: { staff: true },
    args: { id: t.arg.globalID({ for: ChangelogEntry }), at: t.arg({ type: 'DateTime', required: false }) },
    resolve: (_root, { id, at }, ctx) => publishEntry(ctx.scope(), ctx.staff(), id.id, at),
  }),
  unpublishChangelogEntry: t.field({
    type: ChangelogEntryRef,
    description: "Staff: back to a draft (it leaves What's new; shipped threads stay shipped). Audited.",
    authScopes: { staff: true },
    args: { id: t.arg.globalID({ for: ChangelogEntry }) },
    resolve: (_root, { id }, ctx) => unpublishEntry(ctx.scope(), ctx.staff(), id.id),
  }),
  deleteChangelogEntry: t.boolean({
    description: 'Staff: deletes a draft or scheduled entry. Audited.',
    authScopes: { staff: true },
    args: { id: t.arg.globalID({ for: ChangelogEntry }) },
    resolve: (_root, { id }, ctx) => deleteEntry(ctx.scope(), ctx.staff(), id.id),
  }),
  markChangelogRead: t.int({
    description: "Customers: every published entry up to now is seen (the widget's dot clears). Returns 0.",
    authScopes: { member: true },
    resolve: async (_root, _args, ctx) => {
      const member = ctx.member();
      await markChangelogRead(ctx.scope(), member);
      return unreadEntryCount(ctx.scope(), member);
    },
  }),
}));
