import { Community } from '../entities/index.ts';
import { defaultLocaleOf } from '../services/communities.ts';
import { listThreads, type THREAD_ORDERS } from '../services/thread-list.ts';
import { findThread } from '../services/threads.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { ThreadConnectionRef, ThreadRef } from './thread.ts';
import { ThreadKindEnum } from './thread-kind.ts';
import { ThreadStatusEnum } from './thread-status.ts';

const ThreadOrderEnum = builder.enumType('ThreadOrder', {
  values: {
    TOP: { description: 'Most votes first.' },
    NEW: { description: 'Newest first.' },
    TRENDING: { description: 'Votes weighted by recency.' },
    UNANSWERED: { description: 'Threads no staff member has answered yet, newest first.' },
  } satisfies Record<(typeof THREAD_ORDERS)[number], unknown>,
});

export const CommunityRef = builder.node(Community, {
  name: 'Community',
  description: "One brand's community.",
  id: { resolve: (community) => community.id },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    defaultLocale: t.string({
      description: 'The language the widget falls back to (a BCP 47 code of a shipped locale, e.g. "de").',
      resolve: (community) => defaultLocaleOf(community),
    }),
    threads: t.connection(
      {
        type: ThreadRef,
        description: 'Ideas, questions, praise and problems, paged with first/after.',
        complexity: connectionComplexity,
        args: {
          orderBy: t.arg({ type: ThreadOrderEnum, defaultValue: 'TOP' }),
          status: t.arg({ type: [ThreadStatusEnum], required: false }),
          kind: t.arg({ type: [ThreadKindEnum], required: false }),
          search: t.arg.string({
            required: false,
            description:
              'Words that must all appear in the title, the text or a reply (full text: "leaking" finds "leak"; the last word may be unfinished). At most the 100 most relevant threads, in the order asked for.',
          }),
        },
        resolve: async (_community, args, ctx) =>
          toConnection(
            await listThreads(ctx.scope(), ctx.viewer(), {
              ...forwardArgs(args),
              orderBy: args.orderBy,
              status: args.status,
              kind: args.kind,
              search: args.search,
            }),
          ),
      },
      ThreadConnectionRef,
    ),
    thread: t.field({
      type: ThreadRef,
      nullable: true,
      args: { id: t.arg.globalID({ for: ThreadRef }) },
      resolve: (_community, args, ctx) => findThread(ctx.scope(), ctx.viewer(), args.id.id),
    }),
  }),
});

builder.queryField('community', (t) =>
  t.field({
    type: CommunityRef,
    nullable: true,
    description: "A community by its slug; null if there is none (or it is not the signed-in viewer's).",
    args: { slug: t.arg.string() },
    resolve: (_root, args, ctx) => ctx.community(args.slug),
  }),
);
