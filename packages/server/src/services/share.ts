import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Activity, Member, Thread } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import { type Actor, isMember, type MemberActor } from './actor.ts';
import { badInput } from './errors.ts';
import { DAY_MS, dayOf } from './ranking/model.ts';
import { type Scope, write } from './scope.ts';
import * as valid from './validation.ts';

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const VISITOR = /^[A-Za-z0-9_-]{8,64}$/;
const CODE = /^[a-z0-9]{4,16}$/;

function newCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** The member's referral code, for the links they share; made the first time they share. */
export async function referralCodeOf(scope: Scope, actor: MemberActor): Promise<string> {
  const member = await scope.em.findOneOrFail(Member, { id: actor.member.id }, { refresh: true });
  if (member.referralCode) return member.referralCode;
  for (let attempt = 0; ; attempt++) {
    try {
      member.referralCode = newCode();
      await scope.em.flush();
      return member.referralCode;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || attempt > 3) throw error;
    }
  }
}

export interface ShareVisit {
  code: string;
  /** A random id the visitor's browser keeps, so a visit counts once per day. */
  visitor: string;
  threadId?: string | null;
}

/**
 * Someone arrived through a member's share link: it counts toward the member's reach, once per
 * visitor and day, and never for the member visiting their own link. True when it counted.
 */
export async function recordShareVisit(scope: Scope, viewer: Actor | null, visit: ShareVisit): Promise<boolean> {
  if (!CODE.test(visit.code)) throw badInput('That share code is not valid.', 'code');
  if (!VISITOR.test(visit.visitor)) throw badInput('The visitor id must be 8–64 letters, digits, - or _.', 'visitor');
  return write(scope, async (em) => {
    const referrer = await em.findOne(Member, { referralCode: visit.code });
    if (!referrer || (isMember(viewer) && viewer.member.id === referrer.id)) return false;
    const thread =
      visit.threadId && valid.isUuid(visit.threadId)
        ? await em.findOne(Thread, { id: visit.threadId, deletedAt: null, hiddenAt: null })
        : null;
    const start = dayOf(Date.now()) * DAY_MS;
    const today = await em.find(
      Activity,
      { subjectMember: referrer, type: 'SHARE_VISIT', createdAt: { $gte: new Date(start) } },
      { fields: ['data'] },
    );
    if (today.some((a) => (a.data as Record<string, unknown> | null)?.visitor === visit.visitor)) return false;
    recordActivity(em, scope.communityId, viewer, {
      type: 'SHARE_VISIT',
      thread: thread ?? undefined,
      subjectMember: referrer,
      data: { visitor: visit.visitor },
    });
    return true;
  });
}
