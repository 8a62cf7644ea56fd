import type { Em } from '../db/em.ts';
import { Activity, type ActivityType, type Member, type Reply, type Thread } from '../entities/index.ts';
import { type Actor, isStaff } from './actor.ts';

export interface ActivityInput {
  type: ActivityType;
  thread?: Thread;
  reply?: Reply;
  /** The member the action lands on; defaults to the thread's author. Never the actor themself. */
  subjectMember?: Member | null;
  data?: Record<string, unknown>;
}

/** The fields of an activity: who did it, to whom it happened (never the actor themself), about what. */
export function activityFields(communityId: string, actor: Actor | null, input: ActivityInput) {
  const actorMember = !actor || isStaff(actor) ? null : actor.member;
  let subject = input.subjectMember === undefined ? (input.thread?.authorMember ?? null) : input.subjectMember;
  if (subject && actorMember && subject.id === actorMember.id) subject = null;
  return {
    community: communityId,
    type: input.type,
    actorMember,
    actorStaff: actor && isStaff(actor) ? actor.staff : null,
    subjectMember: subject,
    thread: input.thread ?? null,
    reply: input.reply ?? null,
    data: input.data ?? null,
  };
}

/**
 * Appends to the activity log. Call it inside the transaction that makes the change, so the log
 * and the data never disagree. `actor` is null for someone not signed in (a visit through a share
 * link).
 */
export function recordActivity(em: Em, communityId: string, actor: Actor | null, input: ActivityInput): Activity {
  return em.create(Activity, activityFields(communityId, actor, input));
}
