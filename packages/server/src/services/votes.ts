import { forbidden } from '../core/errors.ts';
import type { Scope } from '../core/scope.ts';
import { sharedCache } from '../core/shared-cache.ts';
import { Thread, Vote } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import { type Actor, isStaff, type MemberActor, memberIdOf } from './actor.ts';
import { writeOnce } from './idempotency.ts';
import { bumpMemberCounter } from './members/counters.ts';
import { assertCanWrite, lockThread } from './threads.ts';
import { trendingScore } from './trending.ts';

function voter(actor: Actor): MemberActor {
  if (isStaff(actor)) throw forbidden('error.vote.staff');
  assertCanWrite(actor);
  return actor;
}

/**
 * Adds the member's vote. Voting twice is not an error and not a second vote: the thread comes
 * back as it is. The thread row is locked first, so the unique (thread, member) check and the
 * counter cannot race.
 */
export function vote(scope: Scope, actor: Actor, threadId: string, idempotencyKey?: string | null): Promise<Thread> {
  return setVote(scope, actor, threadId, true, idempotencyKey);
}

/** Takes the member's vote back; taking back a vote that is not there changes nothing. */
export function unvote(scope: Scope, actor: Actor, threadId: string, idempotencyKey?: string | null): Promise<Thread> {
  return setVote(scope, actor, threadId, false, idempotencyKey);
}

/**
 * With a key, a vote sent again after the member has since taken it back does not come back: the
 * retry answers with the thread as it is now.
 */
async function setVote(
  scope: Scope,
  actor: Actor,
  threadId: string,
  voted: boolean,
  idempotencyKey: string | null | undefined,
): Promise<Thread> {
  const member = voter(actor).member;
  const once = {
    key: idempotencyKey,
    operation: voted ? 'vote' : 'unvote',
    input: { threadId },
    entity: Thread,
  };
  return writeOnce(scope, actor, once, async (em, emit) => {
    const thread = await lockThread(em, actor, threadId);
    let changed: boolean;
    if (voted) {
      changed = (await em.count(Vote, { thread, member })) === 0;
      if (changed) em.create(Vote, { community: scope.communityId, thread, member });
    } else {
      changed = (await em.nativeDelete(Vote, { thread, member })) > 0;
    }
    if (!changed) return thread;
    thread.voteCount += voted ? 1 : -1;
    await bumpMemberCounter(em, memberIdOf(actor), 'voteCount', voted ? 1 : -1);
    thread.trendingScore = trendingScore(thread.voteCount, thread.createdAt);
    recordActivity(em, scope.communityId, actor, { type: voted ? 'VOTE_ADDED' : 'VOTE_REMOVED', thread });
    emit({
      type: 'VOTE_COUNT_CHANGED',
      threadId: thread.id,
      voteCount: thread.voteCount,
      at: new Date().toISOString(),
    });
    return thread;
  });
}

/**
 * Whether the member has voted on each thread, batched per request. A signed-in visitor asks this
 * of the same page on every visit: the answer is kept in the shared cache until the community
 * next changes (their own vote is such a change).
 */
export function hasVoted(scope: Scope, memberId: string, threadId: string): Promise<boolean> {
  return scope.loaders
    .named(`voted:${memberId}`, (threadIds: readonly string[]) =>
      sharedCache(scope.events, 'viewers').get(scope.communityId, `voted\n${memberId}\n${threadIds}`, async () => {
        const votes = await scope.em.find(
          Vote,
          { member: memberId, thread: { $in: [...threadIds] } },
          { fields: ['thread'] },
        );
        const voted = new Set(votes.map((v) => v.thread.id));
        return threadIds.map((id) => voted.has(id));
      }),
    )
    .load(threadId);
}
