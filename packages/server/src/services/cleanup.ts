import { raw } from '@mikro-orm/core';
import { badInput, notFound } from '../core/errors.ts';
import { type RowScope, type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { Activity, Cleanup, type CleanupRule, Community, Member, OutboxMessage, Segment } from '../entities/index.ts';
import type { StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { consenting } from './consent.ts';
import { privacySettings } from './erasure.ts';
import { where } from './segments/members.ts';

export interface CleanupCriteria {
  rule: CleanupRule;
  /**
   * Nobody who took part (or was seen) in this many days is proposed, whatever the rule. Default
   * 365 for INACTIVE_WITHOUT_CONSENT, 90 for the others.
   */
  inactiveDays?: number | null;
  /** Only members of this segment (e.g. never ambassadors: a segment of everyone else). */
  segmentId?: string | null;
}

/** Why a member is in a clean-up's preview. */
export type CleanupReason = 'NOT_SEEN_WITHOUT_CONSENT' | 'EMAILS_TURNED_OFF' | 'ADDRESS_REFUSED' | 'DELIVERY_FAILED';

export interface CleanupCandidate {
  member: Member;
  reason: CleanupReason;
  /** When they last took part or were seen. */
  lastActiveAt: Date;
}

const DAY_MS = 86_400_000;
const CHUNK = 500;

export function inactiveDaysOf(criteria: CleanupCriteria): number {
  const days = criteria.inactiveDays ?? (criteria.rule === 'INACTIVE_WITHOUT_CONSENT' ? 365 : 90);
  if (!Number.isInteger(days) || days < 30 || days > 3650) {
    throw badInput('error.cleanup.inactiveDays', 'inactiveDays');
  }
  return days;
}

/** Members of `ids` who consent to `purpose` now, asked in chunks. */
async function consentingAll(em: Em, ids: string[], purpose: Parameters<typeof consenting>[2]): Promise<Set<string>> {
  const yes = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const id of await consenting(em, ids.slice(i, i + CHUNK), purpose)) yes.add(id);
  }
  return yes;
}

/**
 * When each of `members` last took part (posted, replied, voted, followed… even by email, which
 * the widget never sees), if after `since`.
 */
async function activeSince(em: Em, members: Member[], since: Date): Promise<Map<string, Date>> {
  const active = new Map<string, Date>();
  for (let i = 0; i < members.length; i += CHUNK) {
    const ids = members.slice(i, i + CHUNK).map((m) => m.id);
    const rows = await em
      .createQueryBuilder(Activity, 'a')
      .select(['a.actorMember', raw('max(a.created_at) as last')])
      // Joining is being seen (lastSeenAt), not taking part.
      .where({ actorMember: { $in: ids }, createdAt: { $gte: since }, type: { $ne: 'MEMBER_JOINED' } })
      .groupBy('a.actorMember')
      .execute<{ actorMember: string; last: Date | string }[]>('all');
    for (const row of rows) active.set(row.actorMember, new Date(row.last));
  }
  return active;
}

/** The members of a saved segment now (read on `rows.em`: a running clean-up's transaction). */
async function segmentIds(rows: RowScope, id: string): Promise<Set<string>> {
  const segment = valid.isUuid(id) ? await rows.em.findOne(Segment, { id }) : null;
  if (!segment) throw badInput('error.segment.notFound', 'segmentId');
  const w = await where(rows, segment.rules);
  const found = await rows.em.execute<{ id: string }[]>(`select m.id from member m where ${w.sql}`, w.params);
  return new Set(found.map((r) => r.id));
}

/**
 * Who a rule takes now, by name, and why, within a segment if one is given: members not erased nor already on their way out, who
 * took part in nothing and were not seen for `inactiveDays`, and who
 * - INACTIVE_WITHOUT_CONSENT: agreed neither to product updates nor to being contacted;
 * - UNSUBSCRIBED: turned off emails about followed threads (which alone is not leaving);
 * - BOUNCED: their mail server refused their address, or an email to them failed after every retry.
 */
export async function matchingMembers(
  rows: RowScope,
  criteria: CleanupCriteria,
  now = new Date(),
): Promise<CleanupCandidate[]> {
  const { em } = rows;
  const inSegment = criteria.segmentId != null ? await segmentIds(rows, criteria.segmentId) : null;
  const since = new Date(now.getTime() - inactiveDaysOf(criteria) * DAY_MS);
  const base = { erasedAt: null, deletionDueAt: null, lastSeenAt: { $lt: since } };
  let candidates: Member[];
  let reasonOf: (m: Member) => CleanupReason;
  if (criteria.rule === 'INACTIVE_WITHOUT_CONSENT') {
    candidates = await em.find(Member, base);
    const ids = candidates.map((m) => m.id);
    const agreed = new Set([
      ...(await consentingAll(em, ids, 'PRODUCT_UPDATES')),
      ...(await consentingAll(em, ids, 'STAFF_CONTACT')),
    ]);
    candidates = candidates.filter((m) => !agreed.has(m.id));
    reasonOf = () => 'NOT_SEEN_WITHOUT_CONSENT';
  } else if (criteria.rule === 'UNSUBSCRIBED') {
    candidates = await em.find(Member, base);
    const subscribed = await consentingAll(
      em,
      candidates.map((m) => m.id),
      'THREAD_NOTIFICATIONS',
    );
    candidates = candidates.filter((m) => !subscribed.has(m.id));
    reasonOf = () => 'EMAILS_TURNED_OFF';
  } else {
    const failed = await em.find(OutboxMessage, { status: 'FAILED' }, { fields: ['member'] });
    const ids = [...new Set(failed.map((f) => f.member.id))];
    candidates = await em.find(Member, { ...base, $or: [{ emailBouncedAt: { $ne: null } }, { id: { $in: ids } }] });
    reasonOf = (m) => (m.emailBouncedAt ? 'ADDRESS_REFUSED' : 'DELIVERY_FAILED');
  }
  if (inSegment) candidates = candidates.filter((m) => inSegment.has(m.id));
  const active = await activeSince(em, candidates, since);
  return candidates
    .filter((m) => !active.has(m.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id))
    .map((member) => ({ member, reason: reasonOf(member), lastActiveAt: member.lastSeenAt }));
}

export const previewCleanup = (scope: Scope, criteria: CleanupCriteria) => matchingMembers(scope, criteria);

export interface CleanupRun {
  cleanup: Cleanup;
  /** Confirmed members who no longer matched the rule, and were left alone. */
  skipped: number;
}

/**
 * Schedules the erasure of exactly the members the manager confirmed from the preview, those of
 * them who still match the rule, after the community's grace period; until then it can be undone.
 */
export async function runCleanup(
  scope: Scope,
  actor: StaffActor,
  criteria: CleanupCriteria,
  confirmed: string[],
): Promise<CleanupRun> {
  if (confirmed.length === 0) throw badInput('error.cleanup.noMembers', 'memberIds');
  return write(scope, async (em) => {
    const rows = { communityId: scope.communityId, em };
    const matching = new Map((await matchingMembers(rows, criteria)).map((c) => [c.member.id, c.member]));
    const chosen = [...new Set(confirmed)].filter((id) => matching.has(id));
    if (chosen.length === 0) throw badInput('error.cleanup.stale', 'memberIds');
    const community = await em.findOneOrFail(Community, { id: scope.communityId });
    const now = new Date();
    const dueAt = new Date(now.getTime() + privacySettings(community).deletionGraceDays * DAY_MS);
    for (const id of chosen) em.assign(matching.get(id) as Member, { deletionRequestedAt: now, deletionDueAt: dueAt });
    const cleanup = em.create(Cleanup, {
      community: scope.communityId,
      rule: criteria.rule,
      inactiveDays: inactiveDaysOf(criteria),
      memberIds: chosen,
      byStaff: actor.staff,
      dueAt,
    });
    recordAudit(em, scope.communityId, actor, {
      action: 'cleanup.run',
      targetType: 'Cleanup',
      targetId: cleanup.id,
      after: {
        rule: criteria.rule,
        segmentId: criteria.segmentId ?? null,
        members: chosen.length,
        dueAt: dueAt.toISOString(),
      },
    });
    return { cleanup, skipped: new Set(confirmed).size - chosen.length };
  });
}

/** Takes a clean-up back before its erasure: its members stay. */
export async function undoCleanup(scope: Scope, actor: StaffActor, id: string): Promise<Cleanup> {
  return write(scope, async (em) => {
    const cleanup = valid.isUuid(id) ? await em.findOne(Cleanup, { id }) : null;
    if (!cleanup) throw notFound('error.notFound.cleanup');
    if (cleanup.undoneAt) throw badInput('error.cleanup.undone');
    if (cleanup.dueAt <= new Date()) throw badInput('error.cleanup.tooLate');
    await em.nativeUpdate(
      Member,
      { id: { $in: cleanup.memberIds }, erasedAt: null, deletionDueAt: cleanup.dueAt },
      { deletionDueAt: null, deletionRequestedAt: null },
    );
    cleanup.undoneAt = new Date();
    recordAudit(em, scope.communityId, actor, {
      action: 'cleanup.undo',
      targetType: 'Cleanup',
      targetId: cleanup.id,
      after: { members: cleanup.memberIds.length },
    });
    return cleanup;
  });
}

export const listCleanups = (scope: Scope) =>
  scope.em.find(Cleanup, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 50 });
