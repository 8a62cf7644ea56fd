import { ChangelogEntry, StaffMember, StatusChange, Thread } from '../entities/index.ts';
import { findEntry } from '../services/changelog/entries.ts';
import { parseMarkdown } from '../services/markdown.ts';
import { setThreadStatus } from '../services/threads.ts';
import { builder } from './builder.ts';
import { ThreadStatusEnum } from './thread-status.ts';

export const StatusChangeRef = builder.node(StatusChange, {
  name: 'StatusChange',
  description: 'A staff member moving a thread to another status, with a note for its followers.',
  id: { resolve: (change) => change.id },
  fields: (t) => ({
    from: t.field({ type: ThreadStatusEnum, resolve: (change) => change.fromStatus }),
    to: t.field({ type: ThreadStatusEnum, resolve: (change) => change.toStatus }),
    note: t.exposeString('note', { nullable: true }),
    noteFormatted: t.field({
      type: 'FormattedText',
      nullable: true,
      resolve: (change) => (change.note ? parseMarkdown(change.note) : null),
    }),
    changelogEntry: t.field({
      type: ChangelogEntry,
      nullable: true,
      description: 'Shipped by publishing this "What\'s new" entry (while it is published): it stands as the note.',
      resolve: (change, _args, ctx) =>
        change.changelogEntry ? findEntry(ctx.scope(), ctx.viewer(), change.changelogEntry.id) : null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    staff: t.field({
      type: StaffMember,
      resolve: async (change, _args, ctx) => {
        const staff = await ctx.scope().loaders.byId(StaffMember).load(change.staff.id);
        if (!staff) throw new Error(`Status change ${change.id} has no staff member`);
        return staff;
      },
    }),
    thread: t.field({
      type: Thread,
      resolve: async (change, _args, ctx) => {
        const thread = await ctx.scope().loaders.byId(Thread).load(change.thread.id);
        if (!thread) throw new Error(`Status change ${change.id} has no thread`);
        return thread;
      },
    }),
  }),
});

export const StatusChangeConnectionRef = builder.connectionObject({
  type: StatusChangeRef,
  name: 'StatusChangeConnection',
});

const SetThreadStatusInput = builder.inputType('SetThreadStatusInput', {
  fields: (t) => ({
    threadId: t.globalID({ for: Thread }),
    status: t.field({ type: ThreadStatusEnum }),
    note: t.string({ required: false, description: 'Shown to followers with the change; up to 1,000 characters.' }),
  }),
});

builder.mutationField('setThreadStatus', (t) =>
  t.field({
    type: StatusChangeRef,
    description: 'Staff only: moves a thread to another status.',
    authScopes: { staff: true },
    args: { input: t.arg({ type: SetThreadStatusInput }) },
    resolve: async (_root, { input }, ctx) => {
      const { statusChange } = await setThreadStatus(ctx.scope(), ctx.staff(), {
        threadId: input.threadId.id,
        status: input.status,
        note: input.note,
      });
      return statusChange;
    },
  }),
);
