/** What staff see of threads and do to them: assignment, the wait, merging, moderation. */
import { StaffMember, Thread } from '../entities/index.ts';
import { assignThread, mergeThread } from '../services/merge.ts';
import { hideThread, restoreThread, setThreadLocked } from '../services/moderation.ts';
import { builder, staffOnly } from './builder.ts';
import { ThreadRef } from './thread.ts';

builder.objectFields(ThreadRef, (t) => ({
  assignee: t.field({
    ...staffOnly,
    type: StaffMember,
    description: 'Staff only: who looks after it.',
    resolve: (thread, _args, ctx) =>
      thread.assignee ? ctx.scope().loaders.byId(StaffMember).load(thread.assignee.id) : null,
  }),
  waitingSince: t.field({
    ...staffOnly,
    type: 'DateTime',
    description: 'Staff only: since when a customer has been waiting for the brand; null when answered.',
    resolve: (thread) => thread.waitingSince ?? null,
  }),
  isHidden: t.boolean({ ...staffOnly, resolve: (thread) => thread.hiddenAt != null }),
  hiddenReason: t.string({ ...staffOnly, resolve: (thread) => thread.hiddenReason ?? null }),
}));

const reason = { description: 'Why (3–500 characters); kept in the audit log.' } as const;

builder.mutationFields((t) => ({
  assignThread: t.field({
    type: ThreadRef,
    description: 'Staff: gives the thread to a colleague (or to nobody) to look after.',
    authScopes: { staff: true },
    args: {
      threadId: t.arg.globalID({ for: Thread }),
      staffId: t.arg.globalID({ for: StaffMember, required: false }),
    },
    resolve: (_root, args, ctx) => assignThread(ctx.scope(), ctx.staff(), args.threadId.id, args.staffId?.id ?? null),
  }),
  mergeThread: t.field({
    type: ThreadRef,
    description:
      'Staff: merges a duplicate into another thread; votes and followers move. Returns the thread merged into.',
    authScopes: { staff: true },
    args: { threadId: t.arg.globalID({ for: Thread }), intoThreadId: t.arg.globalID({ for: Thread }) },
    resolve: (_root, args, ctx) => mergeThread(ctx.scope(), ctx.staff(), args.threadId.id, args.intoThreadId.id),
  }),
  hideThread: t.field({
    type: ThreadRef,
    description: 'Managers: hides the thread from customers. Audited.',
    authScopes: { manager: true },
    args: { threadId: t.arg.globalID({ for: Thread }), reason: t.arg.string(reason) },
    resolve: (_root, args, ctx) => hideThread(ctx.scope(), ctx.staff(), args.threadId.id, args.reason),
  }),
  restoreThread: t.field({
    type: ThreadRef,
    authScopes: { manager: true },
    args: { threadId: t.arg.globalID({ for: Thread }) },
    resolve: (_root, args, ctx) => restoreThread(ctx.scope(), ctx.staff(), args.threadId.id),
  }),
  lockThread: t.field({
    type: ThreadRef,
    description: 'Managers: no more customer replies. Audited.',
    authScopes: { manager: true },
    args: { threadId: t.arg.globalID({ for: Thread }) },
    resolve: (_root, args, ctx) => setThreadLocked(ctx.scope(), ctx.staff(), args.threadId.id, true),
  }),
  unlockThread: t.field({
    type: ThreadRef,
    authScopes: { manager: true },
    args: { threadId: t.arg.globalID({ for: Thread }) },
    resolve: (_root, args, ctx) => setThreadLocked(ctx.scope(), ctx.staff(), args.threadId.id, false),
  }),
}));
