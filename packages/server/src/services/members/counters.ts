import { raw } from '@mikro-orm/core';
import type { Em } from '../../db/em.ts';
import { Member } from '../../entities/index.ts';

const COLUMN = { threadCount: 'thread_count', replyCount: 'reply_count', voteCount: 'vote_count' } as const;
export type MemberCounter = keyof typeof COLUMN;

/**
 * Moves one of a member's activity counters, in the transaction of the change it counts. An
 * increment in SQL, so that concurrent writes add up instead of overwriting each other.
 */
export async function bumpMemberCounter(
  em: Em,
  memberId: string | null,
  counter: MemberCounter,
  by: 1 | -1,
): Promise<void> {
  if (!memberId) return;
  await em.nativeUpdate(Member, { id: memberId }, {
    [counter]: raw(`${COLUMN[counter]} + (${by})`),
  } as never);
}
