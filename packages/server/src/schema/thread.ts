import { Thread } from '../entities/index.ts';
import { isMember, memberIdOf } from '../services/actor.ts';
import { isFollowing } from '../services/follows.ts';
import { parseMarkdown } from '../services/markdown.ts';
import { canEdit, editWindowChangesAt, isAuthor } from '../services/ownership.ts';
import { listReplies } from '../services/replies.ts';
import { deleteThread, editThread, lastStatusChange, postThread, statusHistory } from '../services/threads.ts';
import { hasVoted } from '../services/votes.ts';
import { removalFor, withdrawThread } from '../services/withdrawal.ts';
import { AuthorRef, loadAuthor } from './author.ts';
import { builder, IDEMPOTENCY_KEY_DESCRIPTION } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import type { Context } from './context.ts';
import { ReplyConnectionRef, ReplyRef } from './reply.ts';
import { StatusChangeConnectionRef, StatusChangeRef } from './status-change.ts';
import { ThreadKindEnum } from './thread-kind.ts';
import { ThreadStatusEnum } from './thread-status.ts';

const ThreadRemovalEnum = builder.enumType('ThreadRemoval', {
  values: {
    DELETE: { description: 'deleteThread: it disappears for everyone.' },
    WITHDRAW: { description: 'withdrawThread: the conversation stays, shown as withdrawn by its author.' },
  },
});

/** A withdrawn thread's text is for staff only (moderation, the record). */
const shownBody = (thread: Thread, ctx: Context) => (thread.withdrawnAt && !ctx.viewerIsStaff() ? '' : thread.body);

export const ThreadRef = builder.node(Thread, {
  name: 'Thread',
  description: 'An idea, question, praise or problem, with its replies.',
  id: { resolve: (thread) => thread.id },
  fields: (t) => ({
    kind: t.field({ type: ThreadKindEnum, resolve: (thread) => thread.kind }),
    status: t.field({ type: ThreadStatusEnum, resolve: (thread) => thread.status }),
    title: t.exposeString('title'),
    body: t.string({
      description: 'As written. Empty once its author withdrew it, except for staff.',
      resolve: (row, _args, ctx) => shownBody(row, ctx),
    }),
    bodyFormatted: t.field({
      type: 'FormattedText',
      description: 'The body as formatted text (a safe Markdown subset), for display.',
      resolve: (row, _args, ctx) => parseMarkdown(shownBody(row, ctx)),
    }),
    withdrawnAt: t.expose('withdrawnAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Set when its author withdrew it after others had taken part: the conversation stays.',
    }),
    viewerRemoval: t.field({
      type: ThreadRemovalEnum,
      nullable: true,
      description:
        'How the viewer may take their thread down: DELETE while nobody else has taken part (within 30 minutes), else WITHDRAW. Null for anyone else.',
      resolve: (thread, _args, ctx) => {
        const viewer = ctx.viewerFor(thread);
        ctx.changesAt(editWindowChangesAt(viewer, thread));
        return removalFor(ctx.scope(), viewer, thread);
      },
    }),
    author: t.field({
      type: AuthorRef,
      nullable: true,
      resolve: (thread, _args, ctx) => loadAuthor(thread, ctx),
    }),
    voteCount: t.exposeInt('voteCount'),
    replyCount: t.exposeInt('replyCount'),
    followerCount: t.exposeInt('followerCount'),
    answeredByStaff: t.boolean({
      description: 'A staff member has replied.',
      resolve: (thread) => thread.firstStaffReplyAt != null,
    }),
    firstStaffReplyAt: t.expose('firstStaffReplyAt', { type: 'DateTime', nullable: true }),
    lastActivityAt: t.expose('lastActivityAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    isLocked: t.boolean({ resolve: (thread) => thread.lockedAt != null }),
    editedAt: t.expose('editedAt', { type: 'DateTime', nullable: true }),
    viewerCanEdit: t.boolean({
      description: 'The viewer wrote it and may still change or delete it (for 30 minutes after posting).',
      resolve: (thread, _args, ctx) => {
        const viewer = ctx.viewerFor(thread);
        ctx.changesAt(editWindowChangesAt(viewer, thread));
        return canEdit(viewer, thread);
      },
    }),
    viewerIsAuthor: t.boolean({
      description: 'The viewer wrote it (nothing to report, for instance).',
      resolve: (thread, _args, ctx) => isAuthor(ctx.viewerFor(thread), thread),
    }),
    mergedInto: t.field({
      type: Thread,
      nullable: true,
      description: 'Set when this thread was merged into another: follow it there.',
      resolve: (thread, _args, ctx) =>
        thread.mergedInto ? ctx.scope().loaders.byId(Thread).load(thread.mergedInto.id) : null,
    }),
    viewerHasVoted: t.boolean({
      description: 'Whether the viewer has voted for it; false for anonymous viewers and staff.',
      resolve: (thread, _args, ctx) => {
        const viewer = ctx.viewer();
        return isMember(viewer) ? hasVoted(ctx.scope(), memberIdOf(viewer), thread.id) : false;
      },
    }),
    viewerIsFollowing: t.boolean({
      resolve: (thread, _args, ctx) => {
        const viewer = ctx.viewer();
        return viewer ? isFollowing(ctx.scope(), viewer, thread.id) : false;
      },
    }),
    lastStatusChange: t.field({
      type: StatusChangeRef,
      nullable: true,
      description: 'The latest status change, with the note staff left on it.',
      resolve: (thread, _args, ctx) => lastStatusChange(ctx.scope(), thread.id),
    }),
    statusChanges: t.connection(
      {
        type: StatusChangeRef,
        description: 'Status history, newest first.',
        complexity: connectionComplexity,
        resolve: async (thread, args, ctx) =>
          toConnection(await statusHistory(ctx.scope(), thread.id, forwardArgs(args))),
      },
      StatusChangeConnectionRef,
    ),
    replies: t.connection(
      {
        type: ReplyRef,
        description: 'Replies, oldest first.',
        complexity: connectionComplexity,
        resolve: async (thread, args, ctx) =>
          toConnection(await listReplies(ctx.scope(), ctx.viewer(), thread.id, forwardArgs(args))),
      },
      ReplyConnectionRef,
    ),
  }),
});

export const ThreadConnectionRef = builder.connectionObject({ type: ThreadRef, name: 'ThreadConnection' });

const PostThreadInput = builder.inputType('PostThreadInput', {
  fields: (t) => ({
    kind: t.field({ type: ThreadKindEnum }),
    title: t.string({ description: '3–140 characters, one line.' }),
    body: t.string({ required: false, description: 'Up to 10,000 characters.' }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

const EditThreadInput = builder.inputType('EditThreadInput', {
  fields: (t) => ({
    threadId: t.globalID({ for: Thread }),
    title: t.string({ required: false }),
    body: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  editThread: t.field({
    type: ThreadRef,
    description: 'The author changes the title or text, within 30 minutes of posting.',
    authScopes: { viewer: true },
    args: { input: t.arg({ type: EditThreadInput }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.limit('post');
      return editThread(ctx.scope(), ctx.actor(), {
        threadId: input.threadId.id,
        title: input.title,
        body: input.body,
      });
    },
  }),
  withdrawThread: t.field({
    type: ThreadRef,
    description:
      'The author withdraws their thread, at any time: it stays for those who took part, shown as withdrawn, and its text is shown to staff only.',
    authScopes: { viewer: true },
    args: { threadId: t.arg.globalID({ for: Thread }) },
    resolve: (_root, args, ctx) => withdrawThread(ctx.scope(), ctx.actor(), args.threadId.id),
  }),
  deleteThread: t.globalID({
    description:
      'The author deletes the thread, within 30 minutes of posting, while nobody else has taken part (CONFLICT after: withdraw it instead). Returns its id.',
    authScopes: { viewer: true },
    args: { threadId: t.arg.globalID({ for: Thread }) },
    resolve: async (_root, args, ctx) => {
      const thread = await deleteThread(ctx.scope(), ctx.actor(), args.threadId.id);
      return { type: 'Thread', id: thread.id };
    },
  }),
}));

builder.mutationField('postThread', (t) =>
  t.field({
    type: ThreadRef,
    description: 'Posts an idea, question, praise or problem as the viewer, who then follows it.',
    authScopes: { viewer: true },
    args: { input: t.arg({ type: PostThreadInput }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.limit('post');
      return postThread(ctx.scope(), ctx.actor(), input);
    },
  }),
);
