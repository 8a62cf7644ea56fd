import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { sharedCache } from '../core/shared-cache.ts';
import type { Context } from '../schema/context.ts';
import { isMember, isStaff, memberIdOf } from '../services/actor.ts';
import { serialisedOnce } from './answer-serialisation.ts';
import { acceptsParts, settleAllParts } from './deferred-answers.ts';

/**
 * The fields a cached answer may hold: what a community's page of threads and a thread's page
 * show, which changes only with a commit in that community (announced to every process) or with
 * who is asking (part of the key). Nothing is for staff only. Nothing depends on the request
 * beyond its viewer, nor on the clock, except what says so as it is resolved (Context.changesAt:
 * the viewer's edit window, in viewerCanEdit and viewerRemoval). A query selecting anything else
 * is executed as usual.
 */
const CACHEABLE_FIELDS = new Set([
  'Query.community',
  'Community.id',
  'Community.name',
  'Community.slug',
  'Community.threads',
  'ThreadConnection.edges',
  'ThreadConnection.pageInfo',
  'ThreadEdge.node',
  'ThreadEdge.cursor',
  'PageInfo.hasNextPage',
  'PageInfo.endCursor',
  'PageInfo.hasPreviousPage',
  'PageInfo.startCursor',
  'Thread.id',
  'Thread.kind',
  'Thread.status',
  'Thread.title',
  'Thread.voteCount',
  'Thread.replyCount',
  'Thread.answeredByStaff',
  'Thread.createdAt',
  'Thread.withdrawnAt',
  'Thread.author',
  'Thread.viewerHasVoted',
  'Author.displayName',
  'Author.avatarUrl',
  'Member.displayName',
  'Member.avatarUrl',
  'Member.isAmbassador',
  'StaffMember.displayName',
  'StaffMember.avatarUrl',
  'StaffMember.title',
  'StaffMember.badge',
  'StaffMember.agencyName',
  'StaffMember.isFormer',
  // A thread's page (the widget's WidgetThread and WidgetMoreReplies).
  'Community.thread',
  'Thread.body',
  'Thread.bodyFormatted',
  'Thread.followerCount',
  'Thread.isLocked',
  'Thread.editedAt',
  'Thread.mergedInto',
  'Thread.lastStatusChange',
  'Thread.replies',
  'Thread.viewerIsFollowing',
  'Thread.viewerCanEdit',
  'Thread.viewerIsAuthor',
  'Thread.viewerRemoval',
  'ReplyConnection.edges',
  'ReplyConnection.pageInfo',
  'ReplyEdge.node',
  'ReplyEdge.cursor',
  'Reply.id',
  'Reply.body',
  'Reply.bodyFormatted',
  'Reply.createdAt',
  'Reply.editedAt',
  'Reply.viewerCanEdit',
  'Reply.viewerIsAuthor',
  'Reply.isHelpful',
  'Reply.author',
  'StatusChange.to',
  'StatusChange.noteFormatted',
  'StatusChange.createdAt',
  'StatusChange.staff',
  'StatusChange.changelogEntry',
  'ChangelogEntry.id',
  'ChangelogEntry.title',
]);

/** Whole answers for a thread's page are large (every reply): they are kept in a pool of their own. */
const THREAD_PAGE_FIELD = 'Community.thread';

/** How to find the community a cacheable document reads, and a name for it in cache keys. */
interface Cacheable {
  id: number;
  /** The `slug` argument of its one `community` field: a literal, or the variable holding it. */
  slug: { value: string } | { variable: string };
  /** Whether it reads a thread's page (kept in the `threads` pool). */
  threadPage: boolean;
}

let documents = 0;
/** Per parsed document (yoga keeps one object per query text): cacheable, or false. */
const verdicts = new WeakMap<DocumentNode, Cacheable | false>();

function cacheable(schema: GraphQLSchema, document: DocumentNode): Cacheable | false {
  let verdict = verdicts.get(document);
  if (verdict === undefined) {
    verdict = judge(schema, document);
    verdicts.set(document, verdict);
  }
  return verdict;
}

function judge(schema: GraphQLSchema, document: DocumentNode): Cacheable | false {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || operation?.operation !== 'query') return false;
  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || root?.kind !== Kind.FIELD || root.name.value !== 'community') return false;
  const argument = root.arguments?.find((a) => a.name.value === 'slug')?.value;
  let slug: Cacheable['slug'] | undefined;
  if (argument?.kind === Kind.STRING) slug = { value: argument.value };
  if (argument?.kind === Kind.VARIABLE) slug = { variable: argument.name.value };
  if (!slug) return false;
  let allowed = true;
  let threadPage = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const parent = typeInfo.getParentType();
        if (field.name.value === '__typename') return;
        const name = `${parent?.name}.${field.name.value}`;
        if (!parent || !CACHEABLE_FIELDS.has(name)) allowed = false;
        if (name === THREAD_PAGE_FIELD) threadPage = true;
      },
    }),
  );
  return allowed && { id: ++documents, slug, threadPage };
}

/**
 * A yoga plugin keeping whole answers to the widget's list of threads and thread pages (see CACHEABLE_FIELDS) in
 * the process's shared cache, per viewer (one for everyone not signed in, one per signed-in
 * customer; never for staff), until the community next changes: the same invalidation as the
 * page, authors and votes those answers are made of (core/shared-cache.ts). Every visitor of
 * a brand's page asks for the same first page, and executing it (GraphQL's per-field work and the
 * deferred votes) was most of what a cached page still cost.
 *
 * Only answers without errors are kept, in one part: for clients that accept answers in parts, the
 * parts are awaited and merged first (deferred-answers.ts).
 */
export function useCommunityResponseCache(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const found = cacheable(args.schema, args.document);
      if (!found) return;
      const ctx = args.contextValue as unknown as Context;
      const viewer = ctx.viewer();
      // Staff see more than anyone; a brand's server with an API key is bound to its own community
      // (another's answer to it is not the anonymous one): neither is kept for others.
      if (isStaff(viewer) || ctx.apiKey) return;
      const slug = 'value' in found.slug ? found.slug.value : args.variableValues?.[found.slug.variable];
      // A request for another community than it named is refused by the resolver, not answered here.
      if (typeof slug !== 'string' || !ctx.mayAddress(slug)) return;
      const parts = acceptsParts(ctx.request);
      setExecuteFn(async (executeArgs) => {
        // Failing to find it (the database is down) is for the resolver to report, as always.
        const community = await ctx.sharedCommunity(slug).catch(() => null);
        // A signed-in customer's token does not reach another community: nothing to keep.
        if (!community || (viewer && viewer.communityId !== community.id)) return executeFn(executeArgs);
        const who = isMember(viewer) ? `member:${memberIdOf(viewer)}` : 'anonymous';
        const key = JSON.stringify(['response', found.id, who, parts, args.operationName ?? null, args.variableValues]);
        const ownLoad = { done: false };
        try {
          const pool = found.threadPage ? 'threads' : viewer ? 'answers' : 'pages';
          return await sharedCache(ctx.events, pool).get(community.id, key, async (expireBy) => {
            ownLoad.done = true;
            let result = await executeFn(executeArgs);
            if (parts) result = await settleAllParts(result);
            if (isAsyncIterable(result) || (result as ExecutionResult).errors?.length) throw new NotKept(result);
            expireBy(ctx.validUntil());
            return serialisedOnce(result as ExecutionResult);
          });
        } catch (error) {
          if (!(error instanceof NotKept)) throw error;
          // This request's own answer; another one waiting on the same load executes for itself
          // (an answer in parts can be read only once).
          return ownLoad.done ? error.result : executeFn(executeArgs);
        }
      });
    },
  };
}

/** An answer that is not kept (in parts, or with errors), handed back to its own request. */
class NotKept extends Error {
  readonly result: unknown;
  constructor(result: unknown) {
    super('not kept');
    this.result = result;
  }
}
