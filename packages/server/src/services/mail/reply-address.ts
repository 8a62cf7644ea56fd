import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Em } from '../../db/em.ts';
import { newId } from '../../entities/id.ts';
import { ReplyAddress } from '../../entities/index.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** The local part's prefix: `reply+<code>@<INBOUND_EMAIL_DOMAIN>`. */
export const REPLY_PREFIX = 'reply+';

/** 26 letters and digits of base32: 130 random bits, and case does not matter (mail servers may fold it). */
function newCode(): string {
  const bytes = randomBytes(26);
  let code = '';
  for (const byte of bytes) code += BASE32[byte % 32];
  return code;
}

/** The member's reply address for a thread: made the first time, the same ever after. */
export async function replyCodeFor(em: Em, communityId: string, memberId: string, threadId: string): Promise<string> {
  const noTenant = { filters: { tenant: false } } as const;
  const known = await em.findOne(ReplyAddress, { member: memberId, thread: threadId }, noTenant);
  if (known) return known.code;
  const code = newCode();
  try {
    await em.insert(ReplyAddress, {
      id: newId(),
      community: communityId,
      member: memberId,
      thread: threadId,
      code,
      createdAt: new Date(),
    } as never);
    return code;
  } catch (error) {
    // Another process made it at the same time: theirs stands.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return (await em.findOneOrFail(ReplyAddress, { member: memberId, thread: threadId }, noTenant)).code;
  }
}

/** The code in an address like `reply+<code>@domain` (any case), or null. */
export function codeOfAddress(address: string): string | null {
  const match = /^reply\+([a-z2-7]{26})@/i.exec(address.trim());
  return match?.[1]?.toLowerCase() ?? null;
}
