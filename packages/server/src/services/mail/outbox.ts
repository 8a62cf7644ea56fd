import type { Em } from '../../db/orm.ts';
import { Member, OutboxMessage } from '../../entities/index.ts';
import { consenting } from '../consent.ts';
import { backoffMs, claim, claimable } from '../poller.ts';
import { bindEm } from '../scope.ts';
import { linkSecret, unsubscribeToken } from '../signed-links.ts';

/** What sends one email (nodemailer's transport in the app; tests use the same over real SMTP). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface DeliveryOptions {
  transport: MailTransport;
  /** The From address. */
  from: string;
  /** The server's public base URL: unsubscribe links point at it. */
  publicUrl: string;
  now?: Date;
  /** Most messages per run. */
  limit?: number;
}

export interface DeliveryResult {
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
}

/** Attempts before a message is given up as FAILED (the waits add up to about a day). */
export const MAX_ATTEMPTS = 8;

/**
 * Sends what is due, once per message (see OutboxMessage): claims it, checks the member's consent
 * as it stands now (withdrawn: SKIPPED, never sent), sends, marks it SENT; a failure waits with
 * backoff and is retried. A member's due digest messages go out together as one email. Works on
 * an unscoped manager (every community's messages).
 */
export async function deliverDue(em: Em, options: DeliveryOptions): Promise<DeliveryResult> {
  const now = options.now ?? new Date();
  const result: DeliveryResult = { sent: 0, skipped: 0, failed: 0, retrying: 0 };
  const noTenant = { filters: { tenant: false } } as const;
  const due = await em
    .fork()
    .find(
      OutboxMessage,
      { ...claimable(now), dueAt: { $lte: now } },
      { ...noTenant, orderBy: { dueAt: 'asc', id: 'asc' }, limit: options.limit ?? 200 },
    );
  // Each community's link secret, read once per run.
  const secrets = new Map<string, Promise<string>>();
  const secretOf = (communityId: string) => {
    const known = secrets.get(communityId) ?? linkSecret(em, communityId);
    secrets.set(communityId, known);
    return known;
  };
  const done = new Set<string>();
  for (const first of due) {
    if (done.has(first.id)) continue;
    // A digest takes every due digest message of the member with it.
    const batch = first.digest
      ? due.filter((m) => m.digest && m.member.id === first.member.id && !done.has(m.id))
      : [first];
    for (const m of batch) done.add(m.id);
    const claimed = await claim(em, OutboxMessage, batch, now);
    if (claimed.length === 0) continue;
    const outcome = await deliver(em, claimed, options, now, secretOf);
    result[outcome] += claimed.length;
  }
  return result;
}

/**
 * A permanent refusal (SMTP 5xx), as opposed to a temporary failure (4xx, a connection error),
 * which is retried: of the address itself (550 no such mailbox, 551 not local, 553 bad address),
 * a hard bounce; or of this message (any other 5xx).
 */
function refusalOf(error: unknown): 'address' | 'message' | null {
  const code = (error as { responseCode?: unknown })?.responseCode;
  if (typeof code !== 'number' || code < 500 || code >= 600) return null;
  return [550, 551, 553].includes(code) ? 'address' : 'message';
}

async function deliver(
  em: Em,
  batch: OutboxMessage[],
  options: DeliveryOptions,
  now: Date,
  secretOf: (communityId: string) => Promise<string>,
): Promise<'sent' | 'skipped' | 'failed' | 'retrying'> {
  const first = batch[0] as OutboxMessage;
  const ids = batch.map((m) => m.id);
  const mark = (changes: Partial<OutboxMessage>, on: Em = em) =>
    on.nativeUpdate(OutboxMessage, { id: { $in: ids } }, changes as never, { filters: { tenant: false } });
  const member = await em.findOne(Member, { id: first.member.id }, { filters: { tenant: false } });
  const allowed = await consenting(bindEm(em, first.community.id), [first.member.id], first.purpose);
  if (
    !member?.email ||
    member.emailBouncedAt ||
    member.erasedAt ||
    member.emailDigest === 'NEVER' ||
    !allowed.has(first.member.id)
  ) {
    await mark({
      status: 'SKIPPED',
      claimedUntil: null,
      lastError: 'no consent or no working address when it was due',
    });
    return 'skipped';
  }
  const token = unsubscribeToken(await secretOf(first.community.id), {
    communityId: first.community.id,
    memberId: member.id,
    purpose: first.purpose,
  });
  const unsubscribe = `${options.publicUrl}/unsubscribe?token=${token}`;
  const subject = batch.length === 1 ? first.subject : `${batch.length} updates on threads you follow`;
  const text = `${batch.map((m) => m.body).join('\n\n———\n\n')}\n\n—\nYou get this because you follow this thread. Stop these emails: ${unsubscribe}`;
  try {
    await options.transport.sendMail({
      from: options.from,
      to: member.email,
      subject,
      text,
      messageId: `<${first.id}@rapport>`,
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  } catch (error) {
    const attempts = first.attempts + 1;
    const lastError = String((error as Error)?.message ?? error).slice(0, 1000);
    const refusal = refusalOf(error);
    if (refusal) {
      // Refused for good: retrying cannot help; a refused address gets nothing more. The message
      // and the address are marked in one transaction, so no one sees (or a crash leaves) the
      // message failed with the address still counted as working. Committed in its community's
      // name: processes cache members' rows (services/identity.ts).
      await bindEm(em, first.community.id).transactional(async (tx) => {
        const reason = `refused: ${lastError}`.slice(0, 1000);
        await mark({ status: 'FAILED', attempts, lastError: reason, claimedUntil: null }, tx as Em);
        if (refusal === 'address') await tx.nativeUpdate(Member, { id: member.id }, { emailBouncedAt: now });
      });
      return 'failed';
    }
    if (attempts >= MAX_ATTEMPTS) {
      await mark({ status: 'FAILED', attempts, lastError, claimedUntil: null });
      return 'failed';
    }
    await mark({ attempts, lastError, claimedUntil: null, dueAt: new Date(now.getTime() + backoffMs(attempts)) });
    return 'retrying';
  }
  await mark({ status: 'SENT', sentAt: new Date(), claimedUntil: null, attempts: first.attempts + 1 });
  return 'sent';
}
