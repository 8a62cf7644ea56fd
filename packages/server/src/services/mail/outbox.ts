import { backoffMs } from '../../core/poller.ts';
import { bindEm } from '../../core/scope.ts';
import { type Claim, claimable, claimRows, holding, Lanes, settle } from '../../core/work-queue.ts';
import type { Em } from '../../db/em.ts';
import { Community, Member, OutboxMessage } from '../../entities/index.ts';
import { say } from '../../i18n/say.ts';
import { consenting } from '../consent.ts';
import { linkSecret, unsubscribeToken } from '../signed-links.ts';
import { emailContextOf, senderOf } from './email-context.ts';
import { REPLY_PREFIX, replyCodeFor } from './reply-address.ts';
import { composeEmail } from './templates/compose.ts';
import { subjectOf } from './templates/sections.ts';

/** What sends one email (nodemailer's transport in the app; tests use the same over real SMTP). */
export interface MailTransport {
  sendMail(message: {
    from: { name: string; address: string };
    to: string;
    replyTo?: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface DeliveryOptions {
  transport: MailTransport;
  /** MAIL_FROM: its address is the From of communities without their own. */
  from: string;
  /**
   * INBOUND_EMAIL_DOMAIN: when set, emails about a thread carry a Reply-To of the member's own
   * address for it there (services/mail/reply-address.ts), and replying posts in the thread.
   */
  inboundDomain?: string;
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
/** Emails being sent at once, and for any one community. */
const LANES = { total: 4, perCommunity: 2 };

export interface MailSender extends DeliveryOptions {
  lanes: Lanes;
  /** Counts outcomes as sends finish. */
  result: DeliveryResult;
  onError(error: unknown): void;
}

export function createMailSender(options: DeliveryOptions, onError: (error: unknown) => void): MailSender {
  return {
    ...options,
    lanes: new Lanes({ ...LANES, onError }),
    result: { sent: 0, skipped: 0, failed: 0, retrying: 0 },
    onError,
  };
}

const noTenant = { filters: { tenant: false } } as const;

/**
 * Starts sending what is due, once per message (see OutboxMessage), within the sender's lanes:
 * each message (or a member's due digest messages, sent together as one email) is claimed just
 * before it is sent; consent is checked as it stands then (withdrawn: SKIPPED, never sent); a
 * failure waits with backoff and is retried. Works on an unscoped manager (every community's
 * messages). Starts sends that finish on their own (`lanes.idle()`); `leftBehind` when due messages
 * had to wait for a lane.
 */
export async function dispatchMail(em: Em, sender: MailSender): Promise<{ leftBehind: boolean }> {
  const now = sender.now ?? new Date();
  const busy = sender.lanes.fullCommunities();
  const limit = sender.limit ?? 200;
  const due = await em
    .fork()
    .find(
      OutboxMessage,
      { ...claimable(now), dueAt: { $lte: now }, ...(busy.length ? { community: { $nin: busy } } : {}) },
      { ...noTenant, orderBy: { dueAt: 'asc', id: 'asc' }, limit },
    );
  // Each community's link secret, read once per run.
  const secrets = new Map<string, Promise<string>>();
  const secretOf = (communityId: string) => {
    const known = secrets.get(communityId) ?? linkSecret(em, communityId);
    secrets.set(communityId, known);
    return known;
  };
  const done = new Set<string>();
  let leftBehind = due.length === limit || busy.length > 0;
  for (const first of due) {
    if (done.has(first.id)) continue;
    if (!sender.lanes.canTake(first.community.id)) {
      leftBehind = true;
      if (sender.lanes.full) break;
      continue;
    }
    // A digest takes every due digest message of the member sent for the same purpose: one email
    // is checked against one consent, and its unsubscribe link withdraws exactly that one.
    const batch = first.digest
      ? due.filter((m) => m.digest && m.member.id === first.member.id && m.purpose === first.purpose && !done.has(m.id))
      : [first];
    for (const m of batch) done.add(m.id);
    const claim = await claimRows(
      em,
      OutboxMessage,
      batch.map((m) => m.id),
      now,
    );
    if (!claim) continue;
    const claimed = batch.filter((m) => claim.ids.includes(m.id));
    sender.lanes.run(first.community.id, async () => {
      const outcome = await holding(em, OutboxMessage, claim, () => deliver(em, claimed, claim, sender, now, secretOf));
      if (outcome === 'lost') {
        sender.onError(new Error(`email ${first.id}: the claim was lost; its outcome was not recorded`));
      } else {
        sender.result[outcome] += claimed.length;
      }
    });
  }
  return { leftBehind };
}

/** Sends what is due and waits for every send to finish (tests, the CLI). */
export async function deliverDue(em: Em, options: DeliveryOptions): Promise<DeliveryResult> {
  const errors: unknown[] = [];
  const sender = createMailSender(options, (error) => errors.push(error));
  for (let more = true; more; ) {
    more = (await dispatchMail(em, sender)).leftBehind;
    await sender.lanes.idle();
  }
  if (errors.length) throw errors[0];
  return sender.result;
}

/**
 * The thread a reply by email to this message would go to: the thread it is about (merged: where
 * it continues; a "What's new" entry: the one thread it ships, when it ships one).
 */
function replyThreadOf(message: OutboxMessage): string | null {
  const data = (message.data ?? {}) as { threadId?: unknown; targetId?: unknown; threads?: unknown };
  if (message.template === 'merged' && typeof data.targetId === 'string') return data.targetId;
  if (['reply', 'status'].includes(message.template ?? '') && typeof data.threadId === 'string') return data.threadId;
  if (message.template === 'changelog' && Array.isArray(data.threads) && data.threads.length === 1) {
    const [only] = data.threads as { id?: unknown }[];
    if (typeof only?.id === 'string') return only.id;
  }
  return null;
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
  claim: Claim,
  options: MailSender,
  now: Date,
  secretOf: (communityId: string) => Promise<string>,
): Promise<keyof DeliveryResult | 'lost'> {
  const first = batch[0] as OutboxMessage;
  /** Records the outcome under this worker's claim; 'lost' when another worker holds the rows. */
  const mark = async <T extends keyof DeliveryResult>(outcome: T, changes: Partial<OutboxMessage>, on: Em = em) =>
    (await settle(on, OutboxMessage, claim, changes)) ? outcome : ('lost' as const);
  const noTenant = { filters: { tenant: false } } as const;
  const member = await em.findOne(Member, { id: first.member.id }, noTenant);
  // An answer to the member's own email (their reply could not be posted) is not a notification:
  // it goes whatever they chose about notifications.
  const answer = first.template === 'bounce';
  const allowed =
    answer || (await consenting(bindEm(em, first.community.id), [first.member.id], first.purpose)).size > 0;
  if (
    !member?.email ||
    member.emailBouncedAt ||
    member.erasedAt ||
    (!answer && member.emailDigest === 'NEVER') ||
    !allowed
  ) {
    return mark('skipped', { status: 'SKIPPED', lastError: 'no consent or no working address when it was due' });
  }
  const community = await em.findOneOrFail(Community, { id: first.community.id }, noTenant);
  const token = unsubscribeToken(await secretOf(first.community.id), {
    communityId: first.community.id,
    memberId: member.id,
    purpose: first.purpose,
  });
  const unsubscribe = `${options.publicUrl}/unsubscribe?token=${token}`;
  const context = emailContextOf(community, member.locale);
  const subject =
    batch.length === 1
      ? subjectOf(first.template ?? null, first.data ?? null, first.subject, context)
      : say(context.locale, 'email.digest.subject', { count: batch.length, brand: community.name });
  // One thread's email can be answered by email; a digest of several cannot say which.
  const threadId = batch.length === 1 && !answer ? replyThreadOf(first) : null;
  const replyTo =
    threadId && options.inboundDomain
      ? `${REPLY_PREFIX}${await replyCodeFor(em, community.id, member.id, threadId)}@${options.inboundDomain}`
      : undefined;
  const reason =
    first.purpose === 'PRODUCT_UPDATES'
      ? say(context.locale, 'email.reason.productUpdates', { brand: community.name })
      : first.purpose === 'STAFF_CONTACT'
        ? say(context.locale, 'email.reason.staffContact', { brand: community.name })
        : answer
          ? say(context.locale, 'email.reason.answer')
          : say(context.locale, 'email.reason.threads', { brand: community.name });
  const { html, text } = await composeEmail(
    batch.map((m) => ({ template: m.template ?? null, data: m.data ?? null, body: m.body })),
    context,
    { reason, unsubscribeUrl: unsubscribe, replyable: !!replyTo },
  );
  try {
    await options.transport.sendMail({
      from: senderOf(community, options.from),
      to: member.email,
      ...(replyTo ? { replyTo } : {}),
      subject,
      text,
      html,
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
    const fate = refusal ? 'refused, not retried' : attempts >= MAX_ATTEMPTS ? 'given up' : 'will retry';
    options.onError(new Error(`email ${first.id} (community ${first.community.id}) not sent, ${fate}: ${lastError}`));
    if (refusal) {
      // Refused for good: retrying cannot help; a refused address gets nothing more. The message
      // and the address are marked in one transaction, so no one sees (or a crash leaves) the
      // message failed with the address still counted as working. Committed in its community's
      // name: processes cache members' rows (services/identity.ts).
      return bindEm(em, first.community.id).transactional(async (tx) => {
        const reason = `refused: ${lastError}`.slice(0, 1000);
        const outcome = await mark('failed', { status: 'FAILED', attempts, lastError: reason }, tx as Em);
        if (outcome !== 'lost' && refusal === 'address') {
          await tx.nativeUpdate(Member, { id: member.id }, { emailBouncedAt: now });
        }
        return outcome;
      });
    }
    if (attempts >= MAX_ATTEMPTS) return mark('failed', { status: 'FAILED', attempts, lastError });
    return mark('retrying', { attempts, lastError, dueAt: new Date(now.getTime() + backoffMs(attempts)) });
  }
  return mark('sent', { status: 'SENT', sentAt: new Date(), attempts: first.attempts + 1 });
}
