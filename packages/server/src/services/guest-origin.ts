import { hashToken } from '../auth/tokens.ts';
import { badInput } from '../core/errors.ts';
import type { Em } from '../db/em.ts';
import { Member } from '../entities/index.ts';

/** Where a guest joins from: the request's address, and the random id the widget keeps per browser. */
export interface GuestOrigin {
  ip: string;
  browser?: string | null;
}

/** The same shape as the share-link visitor id: the widget keeps one id per browser for both. */
export const BROWSER_ID = /^[\w-]{8,64}$/;

/** A suspension limits new guests from the suspended guest's address or browser for this long. */
export const SUSPENDED_ORIGIN_DAYS = 30;

/** Hashed per community: the rows say nothing about an address or browser by themselves. */
export function originHashes(communityId: string, origin: GuestOrigin) {
  if (origin.browser != null && !BROWSER_ID.test(origin.browser)) {
    throw badInput({ forDevelopers: 'The browser id must be 8–64 letters, digits, - or _.' }, 'browser');
  }
  return {
    joinedFromHash: hashToken(`${communityId}\nip\n${origin.ip}`),
    browserHash: origin.browser ? hashToken(`${communityId}\nbrowser\n${origin.browser}`) : null,
  };
}

/**
 * Whether a guest suspended in the last SUSPENDED_ORIGIN_DAYS joined from this address or browser:
 * then a new guest session from it is limited (a new name does not undo a suspension).
 */
export async function fromSuspendedGuest(em: Em, communityId: string, origin: GuestOrigin): Promise<boolean> {
  const { joinedFromHash, browserHash } = originHashes(communityId, origin);
  const since = new Date(Date.now() - SUSPENDED_ORIGIN_DAYS * 86_400_000);
  const same = browserHash ? [{ joinedFromHash }, { browserHash }] : [{ joinedFromHash }];
  const found = await em.count(Member, { kind: 'GUEST', suspendedAt: { $gte: since }, $or: same });
  return found > 0;
}
