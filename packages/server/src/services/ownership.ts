import { forbidden } from '../core/errors.ts';
import { type Actor, isStaff } from './actor.ts';

/** Authors may change or delete what they wrote for this long after posting it. */
export const EDIT_WINDOW_MS = 30 * 60_000;

interface Authored {
  authorMember?: { id: string } | null;
  authorStaff?: { id: string } | null;
  createdAt: Date;
  /** Threads: its author withdrew it; it no longer changes. */
  withdrawnAt?: Date | null;
}

export function isAuthor(actor: Actor | null, row: Authored): boolean {
  if (!actor) return false;
  return isStaff(actor) ? row.authorStaff?.id === actor.staff.id : row.authorMember?.id === actor.member.id;
}

/** Whether the actor may still edit or delete the row (their own, within the window, not suspended). */
export function canEdit(actor: Actor | null, row: Authored, now = Date.now()): boolean {
  return (
    isAuthor(actor, row) && !row.withdrawnAt && now - row.createdAt.getTime() <= EDIT_WINDOW_MS && !isSuspended(actor)
  );
}

/**
 * When what `canEdit` and `removalFor` say of the actor and the row next changes with the clock
 * alone (its edit window closes), or null if it never will: an answer saying either is good until
 * then (http/response-cache.ts keeps answers).
 */
export function editWindowChangesAt(actor: Actor | null, row: Authored, now = Date.now()): number | null {
  const closes = row.createdAt.getTime() + EDIT_WINDOW_MS;
  return isAuthor(actor, row) && closes >= now ? closes + 1 : null;
}

/** Suspended members read but do not write: not even an edit to what they wrote before. */
const isSuspended = (actor: Actor | null) => Boolean(actor && !isStaff(actor) && actor.member.suspendedAt);

export function assertCanEdit(actor: Actor, row: Authored): void {
  if (!isAuthor(actor, row)) throw forbidden('error.own.notYours');
  if (isSuspended(actor)) {
    throw forbidden('error.suspended.edit');
  }
  if (row.withdrawnAt) throw forbidden('error.own.withdrawn');
  if (!canEdit(actor, row)) {
    throw forbidden(['error.own.editWindow', { minutes: EDIT_WINDOW_MS / 60_000 }]);
  }
}
