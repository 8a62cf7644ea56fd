import { Reply, Thread } from '../entities/index.ts';
import { setReplyHelpful } from '../services/helpful.ts';
import { parseMarkdown } from '../services/markdown.ts';
import { hideReply, restoreReply } from '../services/moderation.ts';
import { canEdit, editWindowChangesAt, isAuthor } from '../services/ownership.ts';
import { deleteReply, editReply, postReply } from '../services/replies.ts';
import { AuthorRef, loadAuthor } from './author.ts';
import { builder, IDEMPOTENCY_KEY_DESCRIPTION } from './builder.ts';

export const ReplyRef = builder.node(Reply, {
  name: 'Reply',
  id: { resolve: (reply) => reply.id },
  fields: (t) => ({
    body: t.exposeString('body', { description: 'As written.' }),
    bodyFormatted: t.field({
      type: 'FormattedText',
      description: 'The body as formatted text (a safe Markdown subset), for display.',
      resolve: (row) => parseMarkdown(row.body),
    }),
    author: t.field({
      type: AuthorRef,
      nullable: true,
      resolve: (reply, _args, ctx) => loadAuthor(reply, ctx),
    }),
    byStaff: t.boolean({ resolve: (reply) => reply.authorStaff != null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    editedAt: t.expose('editedAt', { type: 'DateTime', nullable: true }),
    viewerCanEdit: t.boolean({
      description: 'The viewer wrote it and may still change or delete it (for 30 minutes after posting).',
      resolve: (reply, _args, ctx) => {
        const viewer = ctx.viewerFor(reply);
        ctx.changesAt(editWindowChangesAt(viewer, reply));
        return canEdit(viewer, reply);
      },
    }),
    viewerIsAuthor: t.boolean({
      description: 'The viewer wrote it (nothing to report, for instance).',
      resolve: (reply, _args, ctx) => isAuthor(ctx.viewerFor(reply), reply),
    }),
    thread: t.field({
      type: Thread,
      resolve: async (reply, _args, ctx) => {
        const thread = await ctx.scope().loaders.byId(Thread).load(reply.thread.id);
        if (!thread) throw new Error(`Reply ${reply.id} has no thread`);
        return thread;
      },
    }),
  }),
});

export const ReplyConnectionRef = builder.connectionObject({ type: ReplyRef, name: 'ReplyConnection' });

const ReplyInput = builder.inputType('ReplyInput', {
  fields: (t) => ({
    threadId: t.globalID({ for: Thread }),
    body: t.string({ description: '1–10,000 characters.' }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

const EditReplyInput = builder.inputType('EditReplyInput', {
  fields: (t) => ({
    replyId: t.globalID({ for: Reply }),
    body: t.string({ description: '1–10,000 characters.' }),
  }),
});

builder.mutationFields((t) => ({
  editReply: t.field({
    type: ReplyRef,
    description: 'The author changes the reply, within 30 minutes of posting.',
    authScopes: { viewer: true },
    args: { input: t.arg({ type: EditReplyInput }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.limit('reply');
      return editReply(ctx.scope(), ctx.actor(), { replyId: input.replyId.id, body: input.body });
    },
  }),
  deleteReply: t.globalID({
    description: 'The author deletes the reply, within 30 minutes of posting. Returns its id.',
    authScopes: { viewer: true },
    args: { replyId: t.arg.globalID({ for: Reply }) },
    resolve: async (_root, args, ctx) => {
      const reply = await deleteReply(ctx.scope(), ctx.actor(), args.replyId.id);
      return { type: 'Reply', id: reply.id };
    },
  }),
}));

builder.mutationField('reply', (t) =>
  t.field({
    type: ReplyRef,
    description: 'Replies to a thread as the viewer (staff reply as themselves), who then follows it.',
    authScopes: { viewer: true },
    args: { input: t.arg({ type: ReplyInput }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.limit('reply');
      return postReply(ctx.scope(), ctx.actor(), {
        threadId: input.threadId.id,
        body: input.body,
        idempotencyKey: input.idempotencyKey,
      });
    },
  }),
);

builder.objectFields(ReplyRef, (t) => ({
  isHelpful: t.boolean({
    description: 'A staff member marked it as helpful.',
    resolve: (reply) => reply.helpfulAt != null,
  }),
  isHidden: t.boolean({ nullable: true, authScopes: { staff: true }, resolve: (reply) => reply.hiddenAt != null }),
  hiddenReason: t.string({
    nullable: true,
    authScopes: { staff: true },
    resolve: (reply) => reply.hiddenReason ?? null,
  }),
}));

builder.mutationFields((t) => ({
  hideReply: t.field({
    type: ReplyRef,
    description: 'Managers: hides the reply from customers. Audited.',
    authScopes: { manager: true },
    args: { replyId: t.arg.globalID({ for: Reply }), reason: t.arg.string({ description: 'Why (3–500 characters).' }) },
    resolve: (_root, args, ctx) => hideReply(ctx.scope(), ctx.staff(), args.replyId.id, args.reason),
  }),
  restoreReply: t.field({
    type: ReplyRef,
    authScopes: { manager: true },
    args: { replyId: t.arg.globalID({ for: Reply }) },
    resolve: (_root, args, ctx) => restoreReply(ctx.scope(), ctx.staff(), args.replyId.id),
  }),
  markReplyHelpful: t.field({
    type: ReplyRef,
    description: "Staff: marks a customer's reply as helpful (shown to everyone; counts toward the author's ranking).",
    authScopes: { staff: true },
    args: { replyId: t.arg.globalID({ for: Reply }) },
    resolve: (_root, args, ctx) => setReplyHelpful(ctx.scope(), ctx.staff(), args.replyId.id, true),
  }),
  unmarkReplyHelpful: t.field({
    type: ReplyRef,
    description: 'Staff: takes the helpful mark away.',
    authScopes: { staff: true },
    args: { replyId: t.arg.globalID({ for: Reply }) },
    resolve: (_root, args, ctx) => setReplyHelpful(ctx.scope(), ctx.staff(), args.replyId.id, false),
  }),
}));
