import type { EntityDictionary } from '@mikro-orm/core';
import type { Em } from '../../db/em.ts';
import { Member } from '../../entities/index.ts';

/**
 * A member's row as the database returned it, for keeping in the shared cache: rows, unlike
 * entities, belong to no unit of work, so each request maps its own entity from one (`memberOf`).
 */
export interface KnownMember {
  readonly row: Readonly<EntityDictionary<Member>>;
  /** The row as an entity of no unit of work, shared by requests: for reading only, never changed. */
  readonly shared: Member;
  readonly communityId: string;
  /** When this process last stamped their `lastSeenAt` (a stamp is not a commit: services/identity.ts). */
  seenAt: number;
}

/** How a member is found: by guest token (any community), or by the brand's id in a community. */
export type MemberLookup = { guestTokenHash: string; erasedAt: null } | { community: string; externalId: string };

/** At most one member's row. No tenant filter applies: the lookup says which community. */
export async function loadKnownMember(em: Em, where: MemberLookup): Promise<KnownMember | null> {
  const [row] = await em.createQueryBuilder(Member).select('*').where(where).limit(1).execute('all', false);
  if (!row) return null;
  const shared = em.map(Member, { ...row }, { disableIdentityMap: true });
  return { row: Object.freeze(row), shared, communityId: shared.community.id, seenAt: shared.lastSeenAt.getTime() };
}

/** The request's own entity for a known member, managed by `em` as if it had loaded it. */
export function memberOf(em: Em, known: KnownMember): Member {
  return em.map(Member, { ...known.row });
}
