import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { hashToken } from '../auth/tokens.ts';
import { badInput } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import { Activity, Member, Thread } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import { type Actor, isMember, type MemberActor } from './actor.ts';
import { DAY_MS, dayOf } from './ranking/model.ts';

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const VISITOR = /^[A-Za-z0-9_-]{8,64}$/;
const CODE = /^[a-z0-9]{4,16}$/;

function newCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** An address, hashed per community: visits are told apart by it without keeping it. */
const addressHash = (scope: Scope, ip: string) => hashToken(`${scope.communityId}\nshare\n${ip}`);

/**
 * The member's referral code, for the links they share; made the first time they share. The
 * address they ask from is remembered (hashed): visits from it are theirs and never count.
 */
export async function referralCodeOf(scope: Scope, actor: MemberActor, ip: string): Promise<string> {
  const member = await scope.em.findOneOrFail(Member, { id: actor.member.id }, { refresh: true });
  const address = addressHash(scope, ip);
  if (member.shareAddressHash !== address) {
    member.shareAddressHash = address;
    if (member.referralCode) await scope.em.flush();
  }
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
  /** The request's address: made-up visitor ids from one address count once a day too. */
  ip: string;
  threadId?: string | null;
}

/**
 * Someone arrived through a member's share link: it counts toward the member's reach, once per
 * visitor and per address a day, and never for the member visiting their own link (signed in, or
 * from the address they shared from). True when it counted.
 */
export async function recordShareVisit(scope: Scope, viewer: Actor | null, visit: ShareVisit): Promise<boolean> {
  if (!CODE.test(visit.code)) throw badInput('error.share.code', 'code');
  if (!VISITOR.test(visit.visitor))
    throw badInput({ forDevelopers: 'The visitor id must be 8–64 letters, digits, - or _.' }, 'visitor');
  return write(scope, async (em) => {
    const referrer = await em.findOne(Member, { referralCode: visit.code });
    if (!referrer || (isMember(viewer) && viewer.member.id === referrer.id)) return false;
    const address = addressHash(scope, visit.ip);
    if (referrer.shareAddressHash === address) return false;
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
    const seen = (a: Pick<Activity, 'data'>) => {
      const data = (a.data ?? {}) as Record<string, unknown>;
      return data.visitor === visit.visitor || data.address === address;
    };
    if (today.some(seen)) return false;
    recordActivity(em, scope.communityId, viewer, {
      type: 'SHARE_VISIT',
      thread: thread ?? undefined,
      subjectMember: referrer,
      data: { visitor: visit.visitor, address },
    });
    return true;
  });
}
