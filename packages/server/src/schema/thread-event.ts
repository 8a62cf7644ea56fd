import { notFound } from '../core/errors.ts';
import type { ThreadEvent } from '../core/events.ts';
import { Reply, StatusChange, Thread } from '../entities/index.ts';
import { findThread } from '../services/threads.ts';
import { builder } from './builder.ts';
import { whileAllowed } from './live-checks.ts';

type Of<T extends ThreadEvent['type']> = Extract<ThreadEvent, { type: T }>;

async function load<T extends { id: string }>(loader: { load(id: string): Promise<T | null> }, id: string): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw notFound('error.notFound.changedItem');
  return row;
}

const ReplyAddedRef = builder.objectRef<Of<'REPLY_ADDED'>>('ReplyAddedEvent').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    reply: t.field({ type: Reply, resolve: (e, _a, ctx) => load(ctx.scope().loaders.byId(Reply), e.replyId) }),
    thread: t.field({ type: Thread, resolve: (e, _a, ctx) => load(ctx.scope().loaders.byId(Thread), e.threadId) }),
  }),
});

const StatusChangedRef = builder.objectRef<Of<'STATUS_CHANGED'>>('StatusChangedEvent').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    statusChange: t.field({
      type: StatusChange,
      resolve: (e, _a, ctx) => load(ctx.scope().loaders.byId(StatusChange), e.statusChangeId),
    }),
    thread: t.field({ type: Thread, resolve: (e, _a, ctx) => load(ctx.scope().loaders.byId(Thread), e.threadId) }),
  }),
});

const VoteCountChangedRef = builder.objectRef<Of<'VOTE_COUNT_CHANGED'>>('VoteCountChangedEvent').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    threadId: t.globalID({ resolve: (e) => ({ type: 'Thread', id: e.threadId }) }),
    voteCount: t.exposeInt('voteCount'),
  }),
});

const SubscriptionStartedRef = builder.objectRef<Of<'SUBSCRIBED'>>('SubscriptionStartedEvent').implement({
  description:
    'First event of every subscription, sent once it is in place: fetch the thread now to catch up on anything missed while away; no later event is lost.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

const ThreadPostedRef = builder.objectRef<Of<'THREAD_POSTED'>>('ThreadPostedEvent').implement({
  description: 'A new thread (community-wide events only).',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    thread: t.field({ type: Thread, resolve: (e, _a, ctx) => load(ctx.scope().loaders.byId(Thread), e.threadId) }),
  }),
});

const ThreadEditedRef = builder.objectRef<Of<'THREAD_EDITED'>>('ThreadEditedEvent').implement({
  description: 'The author changed the title or text.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    thread: t.field({ type: Thread, resolve: (e, _a, ctx) => load(ctx.scope().loaders.byId(Thread), e.threadId) }),
  }),
});

const ThreadRemovedRef = builder.objectRef<Of<'THREAD_REMOVED'>>('ThreadRemovedEvent').implement({
  description: 'The thread is gone (deleted by its author or hidden by a moderator).',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    threadId: t.globalID({ resolve: (e) => ({ type: 'Thread', id: e.threadId }) }),
  }),
});

const ReplyEditedRef = builder.objectRef<Of<'REPLY_EDITED'>>('ReplyEditedEvent').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    reply: t.field({ type: Reply, resolve: (e, _a, ctx) => load(ctx.scope().loaders.byId(Reply), e.replyId) }),
  }),
});

const ReplyRemovedRef = builder.objectRef<Of<'REPLY_REMOVED'>>('ReplyRemovedEvent').implement({
  description: 'A reply is gone (deleted by its author or hidden by a moderator).',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    replyId: t.globalID({ resolve: (e) => ({ type: 'Reply', id: e.replyId }) }),
  }),
});

const EVENT_TYPES = {
  SUBSCRIBED: SubscriptionStartedRef,
  THREAD_POSTED: ThreadPostedRef,
  REPLY_ADDED: ReplyAddedRef,
  STATUS_CHANGED: StatusChangedRef,
  VOTE_COUNT_CHANGED: VoteCountChangedRef,
  THREAD_EDITED: ThreadEditedRef,
  THREAD_REMOVED: ThreadRemovedRef,
  REPLY_EDITED: ReplyEditedRef,
  REPLY_REMOVED: ReplyRemovedRef,
} as const;

export const ThreadEventRef = builder.unionType('ThreadEvent', {
  types: Object.values(EVENT_TYPES),
  resolveType: (event) => EVENT_TYPES[event.type],
});

builder.subscriptionField('threadEvents', (t) =>
  t.field({
    type: ThreadEventRef,
    description: 'Live: new replies, status changes and vote counts of one thread (over SSE).',
    args: { community: t.arg.string(), threadId: t.arg.globalID({ for: Thread }) },
    subscribe: async (_root, args, ctx) => {
      await ctx.requireCommunity(args.community);
      const thread = await findThread(ctx.scope(), ctx.viewer(), args.threadId.id);
      if (!thread) throw notFound('error.notFound.thread');
      // Events are delivered with scopes of their own: the one that found the thread is let go
      // now, not kept by every live subscriber (most share their first event's execution).
      ctx.refreshScope();
      // A customer sees a thread and its events as anyone does, their own rows' viewer fields
      // aside: they may share anyone's stream, their sign-in checked before every event.
      ctx.shareWithCustomers(() => ctx.stillSignedIn({ account: false }));
      return whileAllowed(await ctx.events.threadEvents(thread.id), async (event) => {
        // A customer's account is not read again for every event of every subscriber: what this
        // stream sends a deleted account is what anyone may read. Staff's session is.
        if (!(await ctx.stillSignedIn({ account: false }))) return 'end';
        // Hidden or deleted since it opened: the removal is the last event its viewer hears.
        ctx.refreshScope(event);
        if (await findThread(ctx.scope(), ctx.viewer(), event.threadId)) return 'send';
        return event.type === 'THREAD_REMOVED' ? 'last' : 'end';
      });
    },
    resolve: (event, _args, ctx) => {
      ctx.refreshScope(event);
      return event;
    },
  }),
);
