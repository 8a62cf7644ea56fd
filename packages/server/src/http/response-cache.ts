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
import { acceptsParts, settleReadyParts } from './deferred-answers.ts';

/**
 * The fields a cached answer may hold: what a community's page of threads shows, which changes
 * only with a commit in that community (announced to every process) or with who is asking (part
 * of the key). Nothing here depends on the clock or on the request beyond its viewer, and nothing
 * is for staff only. A query selecting anything else is executed as usual.
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
]);

/** How to find the community a cacheable document reads, and a name for it in cache keys. */
interface Cacheable {
  id: number;
  /** The `slug` argument of its one `community` field: a literal, or the variable holding it. */
  slug: { value: string } | { variable: string };
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
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const parent = typeInfo.getParentType();
        if (field.name.value === '__typename') return;
        if (!parent || !CACHEABLE_FIELDS.has(`${parent.name}.${field.name.value}`)) allowed = false;
      },
    }),
  );
  return allowed && { id: ++documents, slug };
}

/**
 * A yoga plugin keeping whole answers to the widget's list of threads (see CACHEABLE_FIELDS) in
 * the process's shared cache, per viewer (one for everyone not signed in, one per signed-in
 * customer; never for staff), until the community next changes: the same invalidation as the
 * page, authors and votes those answers are made of (core/shared-cache.ts). Every visitor of
 * a brand's page asks for the same first page, and executing it (GraphQL's per-field work and the
 * deferred votes) was most of what a cached page still cost.
 *
 * Only answers complete in one part and without errors are kept; parts that are ready with the
 * first are merged first (deferred-answers.ts), for clients that accept answers in parts.
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
          return await sharedCache(ctx.events, viewer ? 'viewers' : 'pages').get(community.id, key, async () => {
            ownLoad.done = true;
            let result = await executeFn(executeArgs);
            if (parts) result = await settleReadyParts(result);
            if (isAsyncIterable(result) || (result as ExecutionResult).errors?.length) throw new NotKept(result);
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
