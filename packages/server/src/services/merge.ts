import { badInput } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import { Community, Follow, StaffMember, type Thread, Vote } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import type { StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { bumpMemberCounter } from './members/counters.ts';
import { askedFor } from './notifications/audience.ts';
import { personInEmail } from './notifications/on-activity.ts';
import { tell } from './notifications/tell.ts';
import { assertNotMerged, lockThread } from './threads.ts';
import { trendingScore } from './trending.ts';

/**
 * Merges a duplicate into the thread it duplicates: its votes and followers move over (someone
 * who had voted for both keeps one vote), it points to the other thread, and it leaves the lists.
 * Nothing is deleted: its text and replies stay readable where it was. Its author, voters and
 * followers are told where the conversation went.
 */
export async function mergeThread(
  scope: Scope,
  actor: StaffActor,
  sourceId: string,
  targetId: string,
): Promise<Thread> {
  if (sourceId === targetId) throw badInput('error.merge.self', 'targetId');
  const { target, told } = await write(scope, async (em, emit) => {
    // Locked in a fixed order, so two merges of the same pair cannot deadlock.
    const [first, second] = [sourceId, targetId].sort();
    const lock = (id: string | undefined) => lockThread(em, actor, id ?? '', { merged: 'allowed' });
    const locked = new Map([
      [first, await lock(first)],
      [second, await lock(second)],
    ]);
    const source = locked.get(sourceId) as Thread;
    const target = locked.get(targetId) as Thread;
    assertNotMerged(source);
    // A merged target is the merge form's own mistake, said as such.
    if (target.mergedInto) throw badInput('error.merge.mergedTarget', 'targetId');
    // Who asked about the duplicate, before its votes and follows move.
    const askedAboutSource = await askedFor(em, scope.communityId, [source.id]);

    const votes = await em.find(Vote, { thread: source });
    const alreadyVoted = new Set(
      (await em.find(Vote, { thread: target }, { fields: ['member'] })).map((v) => v.member.id),
    );
    for (const vote of votes) {
      if (alreadyVoted.has(vote.member.id)) {
        em.remove(vote);
        await bumpMemberCounter(em, vote.member.id, 'voteCount', -1);
      } else vote.thread = target;
    }
    const follows = await em.find(Follow, { thread: source });
    const following = new Set(
      (await em.find(Follow, { thread: target })).map((f) => (f.member ? `m:${f.member.id}` : `s:${f.staff?.id}`)),
    );
    for (const follow of follows) {
      if (following.has(follow.member ? `m:${follow.member.id}` : `s:${follow.staff?.id}`)) em.remove(follow);
      else follow.thread = target;
    }
    await em.flush();
    target.voteCount = await em.count(Vote, { thread: target });
    target.followerCount = await em.count(Follow, { thread: target });
    target.trendingScore = trendingScore(target.voteCount, target.createdAt);
    source.voteCount = 0;
    source.followerCount = 0;
    source.mergedInto = target;
    source.waitingSince = null;
    recordActivity(em, scope.communityId, actor, { type: 'THREAD_MERGED', thread: source, data: { into: target.id } });
    recordAudit(em, scope.communityId, actor, {
      action: 'thread.merge',
      targetType: 'Thread',
      targetId: source.id,
      after: { mergedInto: target.id, votesMoved: votes.length, followersMoved: follows.length },
    });
    await em.flush();
    const community = await em.findOneOrFail(Community, { id: scope.communityId });
    const told = await tell(em, {
      communityId: scope.communityId,
      kind: 'MERGED',
      event: `merge:${source.id}`,
      memberIds: askedAboutSource,
      refs: { thread: source.id, mergedInto: target.id, actorStaff: actor.staff.id },
      email: {
        purpose: 'THREAD_NOTIFICATIONS',
        template: 'merged',
        subject: `“${source.title}” continues in “${target.title}”`,
        data: {
          brand: community.name,
          threadId: source.id,
          threadTitle: source.title,
          targetId: target.id,
          targetTitle: target.title,
          by: await personInEmail(em, { staff: actor.staff.id }),
        },
      },
    });
    const at = new Date().toISOString();
    emit({ type: 'THREAD_EDITED', threadId: source.id, at });
    emit({ type: 'VOTE_COUNT_CHANGED', threadId: target.id, voteCount: target.voteCount, at });
    return { target, told };
  });
  if (told.length) {
    scope.events.publishToMembers(scope.communityId, told, { type: 'NOTIFIED', at: new Date().toISOString() });
  }
  return target;
}

/** Gives a thread to a staff member to look after (or to nobody). */
export async function assignThread(
  scope: Scope,
  actor: StaffActor,
  threadId: string,
  staffId: string | null,
): Promise<Thread> {
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, threadId);
    const before = { assignee: thread.assignee?.id ?? null };
    if (staffId) {
      const staff = valid.isUuid(staffId) ? await em.findOne(StaffMember, { id: staffId, active: true }) : null;
      if (!staff) throw badInput('error.chooseActiveStaff', 'staffId');
      thread.assignee = staff;
    } else thread.assignee = null;
    recordAudit(em, scope.communityId, actor, {
      action: 'thread.assign',
      targetType: 'Thread',
      targetId: thread.id,
      before,
      after: { assignee: staffId },
    });
    emit({ type: 'THREAD_EDITED', threadId: thread.id, at: new Date().toISOString() });
    return thread;
  });
}
