import { hashPassword } from '../../auth/password.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { badInput, forbidden, notFound, unauthenticated } from '../../core/errors.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import type { Em } from '../../db/em.ts';
import { type Handover, type HandoverReason, StaffMember, type StaffRole, StaffSession } from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { handOver } from '../handover.ts';
import { checkPassword, createStaff, staffRole } from './sessions.ts';

/** How long an invitation (or password reset) link works. */
export const PASSWORD_LINK_TTL_MS = 7 * 24 * 60 * 60_000;
export const PASSWORD_TOKEN_PREFIX = 'rp_';

/** Owners manage everyone; managers manage staff and agency staff, not other managers or owners. */
function assertMayManage(actor: StaffActor, role: StaffRole): void {
  if (actor.staff.role === 'OWNER') return;
  if (actor.staff.role === 'MANAGER' && (role === 'STAFF' || role === 'AGENCY')) return;
  throw forbidden(actor.staff.role === 'MANAGER' ? 'error.staff.managerLimit' : 'error.staff.managersOnly');
}

async function findStaff(em: Em, id: string): Promise<StaffMember> {
  const staff = valid.isUuid(id) ? await em.findOne(StaffMember, { id }) : null;
  if (!staff) throw notFound('error.notFound.staffMember');
  return staff;
}

export interface Invitation {
  staff: StaffMember;
  /** One-time secret for the set-password link; shown once, stored only as a hash. */
  token: string;
}

function issueToken(staff: StaffMember): string {
  const token = newToken(PASSWORD_TOKEN_PREFIX);
  staff.passwordTokenHash = hashToken(token);
  staff.passwordTokenExpiresAt = new Date(Date.now() + PASSWORD_LINK_TTL_MS);
  return token;
}

export interface StaffInvite {
  email: string;
  name: string;
  role: string;
  title?: string | null;
  agencyName?: string | null;
}

/** Adds a staff member without a password; they choose one through a one-time link. */
export async function inviteStaff(scope: Scope, actor: StaffActor, input: StaffInvite): Promise<Invitation> {
  assertMayManage(actor, staffRole(input.role));
  const staff = await createStaff(scope.em, scope.communityId, { ...input, password: null }, actor);
  const token = issueToken(staff);
  await scope.em.flush();
  return { staff, token };
}

/** A new one-time link for someone who lost theirs (or their password). */
export async function issuePasswordLink(scope: Scope, actor: StaffActor, staffId: string): Promise<Invitation> {
  return write(scope, async (em) => {
    const staff = await findStaff(em, staffId);
    assertMayManage(actor, staff.role);
    if (!staff.active) throw badInput('error.staff.deactivated', 'staffId');
    const token = issueToken(staff);
    recordAudit(em, scope.communityId, actor, {
      action: 'staff.password-link',
      targetType: 'StaffMember',
      targetId: staff.id,
    });
    return { staff, token };
  });
}

/**
 * Sets a password with a one-time link (the link names its community, as a key id does). The
 * link stops working once used; the staff member is then signed in.
 */
export async function setPasswordWithToken(em: Em, token: string, password: string): Promise<StaffMember> {
  const checked = checkPassword(password);
  const staff = await em.findOne(
    StaffMember,
    { passwordTokenHash: hashToken(token), passwordTokenExpiresAt: { $gt: new Date() }, active: true },
    { filters: { tenant: false } },
  );
  if (!staff) throw unauthenticated('error.staff.linkUsed');
  staff.passwordHash = await hashPassword(checked);
  staff.passwordTokenHash = null;
  staff.passwordTokenExpiresAt = null;
  // Whoever held a session before the reset (a lost laptop, someone who guessed the old password)
  // is signed out; the caller then signs the owner of the link in afresh.
  await endSessions(em, staff.id);
  await em.flush();
  return staff;
}

export interface StaffChange {
  name?: string | null;
  title?: string | null;
  role?: string | null;
  agencyName?: string | null;
}

/** Changes a staff member's role, title or name. Audited with before and after. */
export async function updateStaff(
  scope: Scope,
  actor: StaffActor,
  staffId: string,
  change: StaffChange,
): Promise<StaffMember> {
  return write(scope, async (em) => {
    const staff = await findStaff(em, staffId);
    assertMayManage(actor, staff.role);
    const before = { name: staff.name, title: staff.title, role: staff.role, agencyName: staff.agencyName };
    const role = change.role ? staffRole(change.role) : staff.role;
    assertMayManage(actor, role);
    if (staff.role === 'OWNER' && role !== 'OWNER') await assertAnotherOwner(em, staff);
    // An agency name for someone who is not agency staff would be dropped without a word: say so.
    if (role !== 'AGENCY' && change.agencyName) throw badInput('error.staff.agencyNameOnly', 'agencyName');
    const agencyName =
      role === 'AGENCY' ? valid.line(change.agencyName ?? staff.agencyName ?? '', valid.LIMITS.agencyName) : null;
    // A new role is new rights: every session of theirs starts over (the manager's own stays).
    if (role !== staff.role) await endSessions(em, staff.id, actor.session?.id);
    staff.role = role;
    staff.agencyName = agencyName;
    if (change.name != null) staff.name = valid.line(change.name, valid.LIMITS.staffName);
    if (change.title !== undefined) {
      staff.title = change.title ? valid.line(change.title, valid.LIMITS.staffTitle) : null;
    }
    recordAudit(em, scope.communityId, actor, {
      action: 'staff.update',
      targetType: 'StaffMember',
      targetId: staff.id,
      before,
      after: { name: staff.name, title: staff.title, role: staff.role, agencyName: staff.agencyName },
    });
    return staff;
  });
}

/**
 * Ends every live session of a staff member, but `keep` (the one acting, if it is theirs). By the
 * staff member's id, which is theirs alone: a password link names no community in the request.
 */
async function endSessions(em: Em, staffId: string, keep?: string): Promise<void> {
  await em.nativeUpdate(
    StaffSession,
    { staff: staffId, revokedAt: null, ...(keep ? { id: { $ne: keep } } : {}) },
    { revokedAt: new Date() },
    { filters: { tenant: false } },
  );
}

async function assertAnotherOwner(em: Em, leaving: StaffMember): Promise<void> {
  const owners = await em.count(StaffMember, { role: 'OWNER', active: true, id: { $ne: leaving.id } });
  if (!owners) throw badInput('error.staff.lastOwner', 'role');
}

export interface Deactivation {
  staff: StaffMember;
  successors: StaffMember[];
  /** Open threads that moved to the successors. */
  movedThreads: number;
  /** Exactly what moved to each successor, and their brief. */
  handovers: Handover[];
}

/** Successors share the work at most this many ways. */
const MAX_SUCCESSORS = 10;

/** The active staff who take over, in the order chosen; never the one (or ones) leaving. */
async function findSuccessors(em: Em, successorIds: readonly string[], leaving: Set<string>): Promise<StaffMember[]> {
  const ids = [...new Set(successorIds)];
  if (ids.length === 0 || ids.length > MAX_SUCCESSORS || !ids.every(valid.isUuid)) {
    throw badInput(['error.staff.successorCount', { max: MAX_SUCCESSORS }], 'successorIds');
  }
  if (ids.some((id) => leaving.has(id))) {
    throw badInput('error.staff.successorLeaving', 'successorIds');
  }
  const found = new Map((await em.find(StaffMember, { id: { $in: ids }, active: true })).map((s) => [s.id, s]));
  if (found.size !== ids.length) {
    throw badInput('error.staff.successorActive', 'successorIds');
  }
  return ids.map((id) => found.get(id) as StaffMember);
}

/**
 * Someone leaves: their account stops working at once (every session ends), and what they looked
 * after (open threads, followed threads, the customers whose relationship they owned) goes to the
 * successors, at least one of whom must be chosen, each with a brief (services/handover.ts). Their
 * replies stay theirs, marked as former staff; nothing is deleted.
 */
export async function deactivateStaff(
  scope: Scope,
  actor: StaffActor,
  staffId: string,
  successorIds: readonly string[],
): Promise<Deactivation> {
  return write(scope, async (em) => {
    const staff = await findStaff(em, staffId);
    const successors = await findSuccessors(em, successorIds, new Set([staff.id]));
    return deactivateIn(scope, em, actor, staff, successors, 'DEACTIVATION');
  });
}

async function deactivateIn(
  scope: Scope,
  em: Em,
  actor: StaffActor,
  staff: StaffMember,
  successors: StaffMember[],
  reason: HandoverReason,
): Promise<Deactivation> {
  if (staff.id === actor.staff.id) throw badInput('error.staff.deactivateSelf', 'staffId');
  assertMayManage(actor, staff.role);
  if (!staff.active) throw badInput('error.staff.deactivatedAlready', 'staffId');
  if (staff.role === 'OWNER') await assertAnotherOwner(em, staff);
  const handovers = await handOver(scope, em, actor, staff, successors, reason);
  const movedThreads = handovers.reduce((sum, h) => sum + h.threadIds.length, 0);
  staff.active = false;
  staff.deactivatedAt = new Date();
  staff.passwordTokenHash = null;
  await endSessions(em, staff.id);
  recordAudit(em, scope.communityId, actor, {
    action: 'staff.deactivate',
    targetType: 'StaffMember',
    targetId: staff.id,
    before: { active: true },
    after: { active: false, successors: successors.map((s) => s.id), movedThreads },
  });
  return { staff, successors, movedThreads, handovers };
}

/**
 * An agency's contract ends: every active account of that agency is deactivated in one
 * transaction, each handing over to the successors (who must not be of that agency).
 */
export async function endAgency(
  scope: Scope,
  actor: StaffActor,
  agencyName: string,
  successorIds: readonly string[],
): Promise<Deactivation[]> {
  const name = valid.line(agencyName, valid.LIMITS.agencyName);
  return write(scope, async (em) => {
    const staff = await em.find(
      StaffMember,
      { role: 'AGENCY', agencyName: name, active: true },
      { orderBy: { name: 'asc' } },
    );
    if (staff.length === 0) throw badInput(['error.staff.noAgencyStaff', { name }], 'agencyName');
    const successors = await findSuccessors(em, successorIds, new Set(staff.map((s) => s.id)));
    const done: Deactivation[] = [];
    for (const s of staff) done.push(await deactivateIn(scope, em, actor, s, successors, 'AGENCY_ENDED'));
    return done;
  });
}

export interface ProfileChange {
  name?: string | null;
  title?: string | null;
  avatarUrl?: string | null;
  /** A shipped locale; empty or null: follow the browser. */
  locale?: string | null;
}

/** Staff keep their own name, title and picture: what customers see next to their replies. */
export async function updateOwnProfile(scope: Scope, actor: StaffActor, change: ProfileChange): Promise<StaffMember> {
  return write(scope, async (em) => {
    const staff = await findStaff(em, actor.staff.id);
    if (change.name != null) staff.name = valid.line(change.name, valid.LIMITS.staffName);
    if (change.title !== undefined) {
      staff.title = change.title ? valid.line(change.title, valid.LIMITS.staffTitle) : null;
    }
    if (change.avatarUrl !== undefined)
      staff.avatarUrl = change.avatarUrl ? valid.httpUrl(change.avatarUrl, 'avatarUrl') : null;
    if (change.locale !== undefined) staff.locale = change.locale ? valid.shippedLocale(change.locale, 'locale') : null;
    return staff;
  });
}

/** The team, active first then by name; with `includeFormer`, those who left too. */
export function listStaff(scope: Scope, includeFormer = false): Promise<StaffMember[]> {
  return scope.em.find(StaffMember, includeFormer ? {} : { active: true }, {
    orderBy: { active: 'desc', name: 'asc' },
  });
}
