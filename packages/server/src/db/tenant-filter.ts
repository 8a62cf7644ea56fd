import { tenantEntities } from '../entities/index.ts';

export interface TenantFilterArgs {
  communityId: string;
}

/**
 * The one place tenant isolation is enforced: every read, update and delete of tenant data gets
 * `community = :communityId`. The filter is on by default and takes an argument, so a query on an
 * entity manager that was not bound to a community (core/scope.ts) fails instead of reading
 * every community's rows. Code that must look across communities (finding the community a token
 * belongs to) says so with `filters: { tenant: false }`.
 */
export const tenantFilter = {
  name: 'tenant',
  entity: tenantEntities.map((e) => e.name),
  default: true,
  cond: (args: TenantFilterArgs) => ({ community: args.communityId }),
};
