import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { FormattedText } from '@rapport/shared/formatted-text.ts';
import { AppError } from '../core/errors.ts';
import { isUuid } from '../core/validation.ts';
import type { ApiKeyScope } from '../entities/index.ts';
import { isMember, isStaff } from '../services/actor.ts';
import type { Context } from './context.ts';

/** Who may resolve a field: see the authorization matrix (schema/authorization.ts, AUTHORIZATION.md). */
export interface AuthScopes {
  /** Any signed-in viewer: customer, guest or staff. */
  viewer: boolean;
  /** A customer (SSO or guest). */
  member: boolean;
  /** Any staff member, agency staff included. */
  staff: boolean;
  /** Community managers and owners. */
  manager: boolean;
  owner: boolean;
  /** The brand's server, with a community API key holding this scope. */
  apiKey: ApiKeyScope;
}

/** The complexity plugin's error kinds, in words. */
const TOO = { Complexity: 'costly', Depth: 'deep', Breadth: 'broad' } as const;

/** The same words on every mutation that takes a client's retry key. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'A key the client makes up for this request (a UUID): sending the same request again with it returns the first result instead of writing twice. Kept for a day.';

/** Field options for what only staff may read: null for anyone else, refused to them if asked alone. */
export const staffOnly = { authScopes: { staff: true }, nullable: true } as const;

/** What staff, and the brand's servers with a READ_MEMBERS key, may read of a customer. */
export const staffOrMemberReader = { authScopes: { staff: true, apiKey: 'READ_MEMBERS' }, nullable: true } as const;

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: never; Output: unknown };
    JSONObject: { Input: unknown; Output: never };
    AttributeValue: { Input: string | number | boolean; Output: string | number | boolean };
    FormattedText: { Input: never; Output: FormattedText };
  };
}>({
  plugins: [ScopeAuthPlugin, ComplexityPlugin, RelayPlugin],
  // Every field costs 1; a connection multiplies what it selects by the page size it asks for
  // (connectionComplexity). A query bomb is refused before any resolver runs. graphql-armor's cost
  // limit cannot see page sizes, so cost and breadth stay here; depth is armor's (http/query-limits.ts).
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 1,
    limit: { complexity: 20_000, breadth: 300 },
    complexityError: (kind, result) => {
      const key = kind.toLowerCase() as 'complexity' | 'depth' | 'breadth';
      return new AppError('QUERY_TOO_COMPLEX', {
        forDevelopers: `The query is too ${TOO[kind]} (${result[key]}; at most ${result[`max${kind}`]}).`,
      });
    },
  },
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: (ctx) => {
      const viewer = ctx.viewer();
      const role = isStaff(viewer) ? viewer.staff.role : undefined;
      return {
        viewer: viewer !== null,
        member: isMember(viewer),
        staff: isStaff(viewer),
        manager: role === 'MANAGER' || role === 'OWNER',
        owner: role === 'OWNER',
        apiKey: (scope: ApiKeyScope) => ctx.apiKey?.scopes.includes(scope) ?? false,
      };
    },
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer() || ctx.apiKey
        ? new AppError('FORBIDDEN', 'error.notPermitted')
        : new AppError('UNAUTHENTICATED', 'error.signInFirst'),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Objects are fetched through their community (community.thread(id)), which binds the tenant;
    // a global `node(id)` would have no community to bind.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // Every id the API hands out wraps a UUID; anything else is refused before it reaches a query.
    decodeGlobalID: (globalID) => {
      const decoded = (() => {
        try {
          return decodeGlobalID(globalID);
        } catch {
          return undefined;
        }
      })();
      if (!decoded || !isUuid(decoded.id))
        throw new AppError('BAD_USER_INPUT', { forDevelopers: `"${globalID}" is not a valid id.` });
      return decoded;
    },
  },
});
