import { AuditLog, Community, Member, StaffMember } from '../entities/index.ts';
import { listAudit } from '../services/audit.ts';
import { type AuditReference, auditReferences } from '../services/audit-names.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';
import { MemberRef } from './member.ts';

const AuditReferenceRef = builder.objectRef<AuditReference>('AuditReference').implement({
  description: 'A record an audit entry mentions by id (its target, or an id in before/after), by name.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The raw id, as it appears in targetId, before and after.' }),
    type: t.exposeString('type'),
    name: t.exposeString('name'),
  }),
});

export const AuditLogRef = builder.node(AuditLog, {
  name: 'AuditEntry',
  description: 'Who did what, to what, when; with the state before and after.',
  id: { resolve: (entry) => entry.id },
  fields: (t) => ({
    action: t.exposeString('action', { description: 'E.g. thread.status, thread.hide, staff.deactivate.' }),
    targetType: t.exposeString('targetType'),
    targetId: t.exposeString('targetId'),
    before: t.field({ type: 'JSON', nullable: true, resolve: (entry) => entry.before ?? null }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (entry) => entry.after ?? null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    actor: t.field({
      type: StaffMember,
      nullable: true,
      description: 'The staff member who acted; null for a member acting on their own account and for the system.',
      resolve: (entry, _a, ctx) =>
        entry.actorStaff ? ctx.scope().loaders.byId(StaffMember).load(entry.actorStaff.id) : null,
    }),
    actorMember: t.field({
      type: MemberRef,
      nullable: true,
      description: 'A member acting on their own account (asking for its deletion, for instance).',
      resolve: (entry, _a, ctx) =>
        entry.actorMember ? ctx.scope().loaders.byId(Member).load(entry.actorMember.id) : null,
    }),
    references: t.field({
      type: [AuditReferenceRef],
      description: 'Names for the ids the entry mentions, so it reads as names, not UUIDs.',
      resolve: (entry, _a, ctx) => auditReferences(ctx.scope(), entry),
    }),
  }),
});

const AuditConnectionRef = builder.connectionObject({ type: AuditLogRef, name: 'AuditConnection' });

builder.objectFields(Community, (t) => ({
  auditLog: t.connection(
    {
      type: AuditLogRef,
      description: 'Managers: the audit log, newest first, filtered by action (prefix) or by who acted.',
      authScopes: { manager: true },
      complexity: connectionComplexity,
      args: {
        action: t.arg.string({ required: false }),
        actorId: t.arg.globalID({ for: StaffMember, required: false }),
      },
      resolve: async (_c, args, ctx) =>
        toConnection(
          await listAudit(ctx.scope(), { ...forwardArgs(args), action: args.action, actorStaffId: args.actorId?.id }),
        ),
    },
    AuditConnectionRef,
  ),
}));
