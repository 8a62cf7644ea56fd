import { type Scope, write } from '../core/scope.ts';
import { Follow, type Thread } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import { type Actor, isStaff } from './actor.ts';
import { followerFields, lockThread } from './threads.ts';

/** Follow a thread to hear of its replies and status changes. Following twice changes nothing. */
export async function follow(scope: Scope, actor: Actor, threadId: string): Promise<Thread> {
  return write(scope, async (em) => {
    const thread = await lockThread(em, actor, threadId);
    const who = followerFields(actor);
    if (await em.count(Follow, { thread, ...who })) return thread;
    em.create(Follow, { community: scope.communityId, thread, ...who });
    thread.followerCount += 1;
    recordActivity(em, scope.communityId, actor, { type: 'FOLLOWED', thread });
    return thread;
  });
}

export async function unfollow(scope: Scope, actor: Actor, threadId: string): Promise<Thread> {
  return write(scope, async (em) => {
    const thread = await lockThread(em, actor, threadId);
    const removed = await em.nativeDelete(Follow, { thread, ...followerFields(actor) });
    if (!removed) return thread;
    thread.followerCount -= 1;
    recordActivity(em, scope.communityId, actor, { type: 'UNFOLLOWED', thread });
    return thread;
  });
}

/** Whether the actor follows each thread, batched per request. */
export function isFollowing(scope: Scope, actor: Actor, threadId: string): Promise<boolean> {
  const who = followerFields(actor);
  const key = isStaff(actor) ? `following:staff:${actor.staff.id}` : `following:member:${actor.member.id}`;
  return scope.loaders
    .named(key, async (threadIds: readonly string[]) => {
      const rows = await scope.em.find(Follow, { ...who, thread: { $in: [...threadIds] } }, { fields: ['thread'] });
      const followed = new Set(rows.map((f) => f.thread.id));
      return threadIds.map((id) => followed.has(id));
    })
    .load(threadId);
}
