import { LockMode } from '@mikro-orm/core';
import { GUEST_TOKEN_PREFIX, hashToken } from '../auth/tokens.ts';
import { AppError, badInput, forbidden } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import type { Em } from '../db/em.ts';
import {
  Activity,
  Follow,
  Member,
  Notification,
  OutboxMessage,
  Reply,
  Report,
  Thread,
  Vote,
} from '../entities/index.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { moveScore } from './ranking/incremental.ts';
import { assertCanWrite } from './threads.ts';
import { trendingScore } from './trending.ts';

/** What a guest session holds, or what was brought from it into an account. */
export interface GuestActivity {
  displayName: string;
  threads: number;
  replies: number;
  votes: number;
  follows: number;
}

const ENDED = 'error.guest.ended';

/**
 * What the guest behind `guestToken` has done in this community (a browser that took part as a
 * guest asks this once its customer signs in, to offer bringing it along). Null when the token is
 * unknown here.
 */
export async function guestActivity(scope: Scope, guestToken: string): Promise<GuestActivity | null> {
  const guest = await findGuest(scope.em, guestToken);
  if (!guest) return null;
  const em = scope.em;
  const [threads, replies, votes, follows] = await Promise.all([
    em.count(Thread, { authorMember: guest, deletedAt: null }),
    em.count(Reply, { authorMember: guest, deletedAt: null }),
    em.count(Vote, { member: guest }),
    em.count(Follow, { member: guest }),
  ]);
  return { displayName: guest.displayName, threads, replies, votes, follows };
}

/**
 * A customer signed in on a browser where they had taken part as a guest: the guest's posts,
 * replies, votes, follows, reports and notifications become theirs, in one transaction. A vote or
 * follow they already had on the same thread is not counted twice. The guest session ends (its
 * token stops working) and is kept only as an erased row with its consent ledger. Audited.
 *
 * Their ranking totals are added together: the same model, except that a first vote both of them
 * cast on one person's thread now counts twice until the next full recompute.
 */
export async function bringGuestActivity(scope: Scope, actor: Actor, guestToken: string): Promise<GuestActivity> {
  if (actor.kind !== 'CUSTOMER') {
    throw forbidden('error.guest.signInFirst');
  }
  assertCanWrite(actor);
  const memberId = actor.member.id;
  return write(scope, async (em) => {
    const found = await findGuest(em, guestToken);
    if (!found) throw new AppError('NOT_FOUND', ENDED);
    // Locked and read again: of two requests at once, the second finds the session ended.
    const guest = await em.findOne(
      Member,
      { id: found.id, guestTokenHash: { $ne: null } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!guest) throw new AppError('NOT_FOUND', ENDED);
    if (guest.suspendedAt) throw forbidden('error.guest.suspended');
    const moved: GuestActivity = {
      displayName: guest.displayName,
      threads: await em.nativeUpdate(Thread, { authorMember: guest.id }, { authorMember: memberId }),
      replies: await em.nativeUpdate(Reply, { authorMember: guest.id }, { authorMember: memberId }),
      votes: await moveVotes(em, guest.id, memberId),
      follows: await moveFollows(em, guest.id, memberId),
    };
    await moveReports(em, guest.id, memberId);
    await moveNotifications(em, guest.id, memberId);
    await em.nativeUpdate(
      Activity,
      { actorMember: guest.id, type: { $ne: 'MEMBER_JOINED' } },
      { actorMember: memberId },
    );
    await em.nativeUpdate(Activity, { subjectMember: guest.id }, { subjectMember: memberId });
    await moveScore(em, scope.communityId, guest.id, memberId);
    await em.nativeUpdate(
      OutboxMessage,
      { member: guest.id, status: 'PENDING' },
      { status: 'SKIPPED', lastError: 'the guest was brought into a signed-in account' },
    );
    const member = await em.findOneOrFail(
      Member,
      { id: memberId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    member.threadCount += guest.threadCount;
    member.replyCount += guest.replyCount;
    member.voteCount += moved.votes;
    em.assign(guest, {
      guestTokenHash: null,
      erasedAt: new Date(),
      threadCount: 0,
      replyCount: 0,
      voteCount: 0,
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'member.guest-brought-in',
      targetType: 'Member',
      targetId: member.id,
      before: { guest: guest.id, guestName: guest.displayName },
      after: { threads: moved.threads, replies: moved.replies, votes: moved.votes, follows: moved.follows },
    });
    return moved;
  });
}

async function findGuest(em: Em, guestToken: string): Promise<Member | null> {
  if (!guestToken.startsWith(GUEST_TOKEN_PREFIX) || guestToken.length > 200) {
    throw badInput('error.guest.notToken', 'guestToken');
  }
  return em.findOne(Member, { guestTokenHash: hashToken(guestToken), kind: 'GUEST', erasedAt: null });
}

/** Guest votes move over; on threads the member voted for already, the guest's is taken off the count. */
async function moveVotes(em: Em, guestId: string, memberId: string): Promise<number> {
  const votes = await em.find(Vote, { member: guestId }, { populate: ['thread'] });
  const already = await alreadyOn(em, Vote, memberId, votes);
  let moved = 0;
  for (const vote of votes) {
    if (already.has(vote.thread.id)) {
      vote.thread.voteCount -= 1;
      vote.thread.trendingScore = trendingScore(vote.thread.voteCount, vote.thread.createdAt);
      em.remove(vote);
    } else {
      vote.member = em.getReference(Member, memberId);
      moved += 1;
    }
  }
  await em.flush();
  return moved;
}

async function moveFollows(em: Em, guestId: string, memberId: string): Promise<number> {
  const follows = await em.find(Follow, { member: guestId }, { populate: ['thread'] });
  const already = await alreadyOn(em, Follow, memberId, follows);
  let moved = 0;
  for (const follow of follows) {
    if (already.has(follow.thread.id)) {
      follow.thread.followerCount -= 1;
      em.remove(follow);
    } else {
      follow.member = em.getReference(Member, memberId);
      moved += 1;
    }
  }
  await em.flush();
  return moved;
}

/** The threads among `rows`' that the member has a row of `entity` on already. */
async function alreadyOn(
  em: Em,
  entity: typeof Vote | typeof Follow,
  memberId: string,
  rows: { thread: Thread }[],
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const theirs = await em.find(
    entity as typeof Vote,
    { member: memberId, thread: { $in: rows.map((r) => r.thread.id) } },
    { fields: ['thread'] },
  );
  return new Set(theirs.map((r) => r.thread.id));
}

async function moveReports(em: Em, guestId: string, memberId: string): Promise<void> {
  const key = (r: Report) => `${r.thread.id}:${r.reply?.id ?? ''}`;
  const mine = new Set((await em.find(Report, { reporter: memberId })).map(key));
  for (const report of await em.find(Report, { reporter: guestId })) {
    if (mine.has(key(report))) em.remove(report);
    else report.reporter = em.getReference(Member, memberId);
  }
  await em.flush();
}

async function moveNotifications(em: Em, guestId: string, memberId: string): Promise<void> {
  const guests = await em.find(Notification, { member: guestId }, { fields: ['dedupeKey'] });
  if (guests.length) {
    const keys = guests.map((n) => n.dedupeKey);
    const theirs = await em.find(
      Notification,
      { member: memberId, dedupeKey: { $in: keys } },
      { fields: ['dedupeKey'] },
    );
    if (theirs.length) {
      await em.nativeDelete(Notification, { member: guestId, dedupeKey: { $in: theirs.map((n) => n.dedupeKey) } });
    }
    await em.nativeUpdate(Notification, { member: guestId }, { member: memberId });
  }
  await em.nativeUpdate(Notification, { actorMember: guestId }, { actorMember: memberId });
}
