import { raw } from '@mikro-orm/core';
import { boundCommunity, type Em } from '../../db/em.ts';
import { Member } from '../../entities/index.ts';

const COLUMN = { threadCount: 'thread_count', replyCount: 'reply_count', voteCount: 'vote_count' } as const;
export type MemberCounter = keyof typeof COLUMN;

/**
 * The statement moving one of a member's activity counters: an increment in SQL, so that
 * concurrent writes add up instead of overwriting each other. The query builder applies no
 * filter, so the community the manager is bound to is named here (none bound: it fails).
 */
export function memberCounterChange(em: Em, memberId: string, counter: MemberCounter, by: 1 | -1) {
  return em
    .createQueryBuilder(Member)
    .update({ [counter]: raw(`${COLUMN[counter]} + (${by})`) } as never)
    .where({ id: memberId, community: boundCommunity(em) });
}

/** Moves one of a member's activity counters, in the transaction of the change it counts. */
export async function bumpMemberCounter(
  em: Em,
  memberId: string | null,
  counter: MemberCounter,
  by: 1 | -1,
): Promise<void> {
  if (!memberId) return;
  await memberCounterChange(em, memberId, counter, by).execute('run');
}
