import type { Member, StaffMember, StaffSession } from '../entities/index.ts';

/**
 * Who is acting, always inside one community. Customers are members (signed in through the
 * brand's SSO, or guests); staff answer for the brand.
 */
export type Actor =
  | { readonly kind: 'CUSTOMER' | 'GUEST'; readonly communityId: string; readonly member: Member }
  | {
      readonly kind: 'STAFF';
      readonly communityId: string;
      readonly staff: StaffMember;
      /** The browser session acting; null for work done outside a request (CLI, seeding). */
      readonly session: StaffSession | null;
    };

export type MemberActor = Extract<Actor, { member: Member }>;
export type StaffActor = Extract<Actor, { kind: 'STAFF' }>;

export const isStaff = (actor: Actor | null | undefined): actor is StaffActor => actor?.kind === 'STAFF';
export const isMember = (actor: Actor | null | undefined): actor is MemberActor =>
  actor?.kind === 'CUSTOMER' || actor?.kind === 'GUEST';

/**
 * The id of a member whose entity is made on first use (`lazyMemberActor`), known without it. A
 * property, not a WeakMap: an actor is made per request, and every WeakMap entry is work for each
 * young-generation collection while it lives (BENCHMARKS.md, "The signed-in thread page").
 */
const MEMBER_ID = Symbol('memberId');
type LazyMemberActor = MemberActor & { readonly [MEMBER_ID]?: string };

/**
 * A customer whose member entity is made only when something uses it. A signed-in visitor's row
 * comes from a cache (services/identity.ts) and turning it into the request's own entity is a
 * good part of a read's cost; most reads need only the id (`memberIdOf`).
 */
export function lazyMemberActor(
  kind: MemberActor['kind'],
  communityId: string,
  memberId: string,
  makeMember: () => Member,
): MemberActor {
  let member: Member | undefined;
  const actor: LazyMemberActor = {
    kind,
    communityId,
    [MEMBER_ID]: memberId,
    get member() {
      member ??= makeMember();
      return member;
    },
  };
  return actor;
}

/** The member acting, if a customer is (staff are not members). */
export function memberIdOf(actor: MemberActor): string;
export function memberIdOf(actor: Actor): string | null;
export function memberIdOf(actor: Actor): string | null {
  return isStaff(actor) ? null : ((actor as LazyMemberActor)[MEMBER_ID] ?? actor.member.id);
}

/** The actor's reference fields for an Activity or an authored row. */
export function authorFields(actor: Actor): { authorMember: Member | null; authorStaff: StaffMember | null } {
  return isStaff(actor)
    ? { authorMember: null, authorStaff: actor.staff }
    : { authorMember: actor.member, authorStaff: null };
}
