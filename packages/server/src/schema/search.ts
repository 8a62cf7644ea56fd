import type { SearchHit } from '../services/search/find.ts';
import { searchThreads, similarThreads } from '../services/search/find.ts';
import type { TextPart } from '../services/search/words.ts';
import { builder } from './builder.ts';
import { CommunityRef } from './community.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { ThreadRef } from './thread.ts';
import { ThreadKindEnum } from './thread-kind.ts';
import { ThreadStatusEnum } from './thread-status.ts';

const TextPartRef = builder.objectRef<TextPart>('TextPart').implement({
  description: 'A piece of text; `match` marks the words a search found. Rendered as text, never HTML.',
  fields: (t) => ({ text: t.exposeString('text'), match: t.exposeBoolean('match') }),
});

const MatchedInEnum = builder.enumType('SearchMatchedIn', {
  values: {
    THREAD: { description: "The thread's own title or text." },
    REPLY: { description: 'A reply in it, a customer’s or a staff member’s.' },
  } satisfies Record<SearchHit['matchedIn'], unknown>,
});

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'A thread a search found, with the text where it found the words.',
  fields: (t) => ({
    thread: t.field({ type: ThreadRef, resolve: (hit) => hit.thread }),
    matchedIn: t.field({ type: MatchedInEnum, resolve: (hit) => hit.matchedIn }),
    excerpt: t.field({
      type: [TextPartRef],
      description: 'The text around the words found (a reply’s, or the thread’s), the words marked.',
      resolve: (hit) => hit.excerpt,
    }),
  }),
});

/** What one search or suggestion counts toward a request's complexity limit (20,000). */
const SEARCH_COST = 500;

const SearchHitConnectionRef = builder.connectionObject({ type: SearchHitRef, name: 'SearchHitConnection' });

builder.objectFields(CommunityRef, (t) => ({
  search: t.connection(
    {
      type: SearchHitRef,
      description:
        'Full-text search of titles, texts and replies (staff answers included): every word (other forms of it too). ' +
        'Most relevant first, blended with votes and recency; at most 100 threads.',
      // A search costs the database as much as many fields: few fit in one request.
      complexity: (args) => ({ ...connectionComplexity(args), field: SEARCH_COST }),
      args: {
        query: t.arg.string(),
        asTyped: t.arg.boolean({
          required: false,
          defaultValue: false,
          description: 'The last word may be unfinished (a box searched while typing): it matches as a prefix.',
        }),
        status: t.arg({ type: [ThreadStatusEnum], required: false, description: 'Only threads of these statuses.' }),
        kind: t.arg({ type: [ThreadKindEnum], required: false, description: 'Only threads of these kinds.' }),
      },
      resolve: async (_community, args, ctx) => {
        const { first, after } = forwardArgs(args);
        await ctx.limit('search');
        const page = await searchThreads(ctx.scope(), args.query, {
          first,
          after,
          asTyped: args.asTyped,
          status: args.status,
          kind: args.kind,
        });
        const cursors = new Map(page.hits.map((hit, i) => [hit, String(page.offset + i + 1)]));
        return toConnection({
          items: page.hits,
          cursorOf: (hit) => cursors.get(hit) ?? '',
          hasNextPage: page.next !== null,
          hasPreviousPage: page.offset > 0,
          startCursor: page.hits.length ? String(page.offset + 1) : null,
          endCursor: page.hits.length ? String(page.offset + page.hits.length) : null,
        });
      },
    },
    SearchHitConnectionRef,
  ),
  similarThreads: t.field({
    type: [ThreadRef],
    description:
      'Threads that may be the same as one being written (for "Is it one of these?", merging and possible duplicates).',
    args: {
      title: t.arg.string(),
      body: t.arg.string({ required: false }),
      excludeId: t.arg.globalID({ for: ThreadRef, required: false }),
      first: t.arg.int({ required: false, description: 'At most 10; 5 by default.' }),
    },
    complexity: SEARCH_COST,
    resolve: async (_community, args, ctx) => {
      await ctx.limit('search');
      return similarThreads(ctx.scope(), {
        title: args.title,
        body: args.body,
        excludeId: args.excludeId?.id,
        first: args.first,
      });
    },
  }),
}));
