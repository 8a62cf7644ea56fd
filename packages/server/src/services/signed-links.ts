import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Em } from '../db/em.ts';
import { CONSENT_PURPOSES, Community, type ConsentPurpose } from '../entities/index.ts';

/**
 * Links in emails that act without signing in (unsubscribe): what they do is in the link, signed
 * with the community's own secret, so nobody can make one for someone else and a link works as
 * long as the secret stands. Rotating a community's secret would void every link it signed.
 */
export interface UnsubscribeLink {
  communityId: string;
  memberId: string;
  purpose: ConsentPurpose;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** The community's link secret, made (and kept) the first time one is needed. */
export async function linkSecret(em: Em, communityId: string): Promise<string> {
  const community = await em.findOneOrFail(Community, { id: communityId }, { fields: ['linkSecret'] });
  if (community.linkSecret) return community.linkSecret;
  const secret = randomBytes(32).toString('hex');
  // Two processes may race here: the first write wins and both read it back.
  await em.nativeUpdate(Community, { id: communityId, linkSecret: null }, { linkSecret: secret });
  const stored = await em.fork().findOneOrFail(Community, { id: communityId }, { fields: ['linkSecret'] });
  return stored.linkSecret as string;
}

/** The token of an unsubscribe link, signed with the community's link secret (`linkSecret`). */
export function unsubscribeToken(secret: string, link: UnsubscribeLink): string {
  const payload = Buffer.from(JSON.stringify([link.communityId, link.memberId, link.purpose])).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** What a token says, if its signature holds; null for anything else (never an exception). */
export async function readUnsubscribeToken(em: Em, token: string): Promise<UnsubscribeLink | null> {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 512) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 3 || !fields.every((f) => typeof f === 'string')) return null;
  const [communityId, memberId, purpose] = fields as [string, string, string];
  if (!CONSENT_PURPOSES.includes(purpose as ConsentPurpose) || !/^[0-9a-f-]{36}$/.test(communityId)) return null;
  const community = await em.findOne(Community, { id: communityId }, { fields: ['linkSecret'] });
  if (!community?.linkSecret) return null;
  const expected = Buffer.from(sign(community.linkSecret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { communityId, memberId, purpose: purpose as ConsentPurpose };
}
