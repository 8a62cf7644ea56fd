import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from '../core/errors.ts';
import { findPage, type Page, type PageArgs } from '../core/pagination.ts';
import type { Scope } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { AuditLog } from '../entities/index.ts';
import { type Actor, isStaff, memberIdOf } from './actor.ts';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditFilters extends PageArgs {
  action?: string | null;
  actorStaffId?: string | null;
}

/** Who did what and when, newest first. */
export function listAudit(scope: Scope, filters: AuditFilters): Promise<Page<AuditLog>> {
  const where: FilterQuery<AuditLog> = {};
  if (filters.action) {
    // Actions are short names ("thread.status"): a long pattern is a mistake, refused (SQLite fails
    // on a LIKE pattern of 100,000 characters).
    const action = valid.line(filters.action, valid.LIMITS.auditAction);
    where.action = { $like: `${action.replace(/[%_\\]/g, '')}%` };
  }
  if (filters.actorStaffId && !valid.isUuid(filters.actorStaffId))
    throw badInput('error.audit.noStaff', 'actorStaffId');
  if (filters.actorStaffId) where.actorStaff = filters.actorStaffId;
  return findPage(scope.em, AuditLog, where, { createdAt: 'desc', id: 'desc' }, filters);
}

/** Records an action inside the transaction that performs it: by staff, a member, or the system (null). */
export function recordAudit(em: Em, communityId: string, actor: Actor | null, input: AuditInput): AuditLog {
  return em.create(AuditLog, {
    community: communityId,
    actorStaff: isStaff(actor) ? actor.staff : null,
    // By id: a member actor's row may come from the shared cache, not this transaction.
    actorMember: actor && !isStaff(actor) ? memberIdOf(actor) : null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}
