import { AuditLog, Community, StaffMember } from '../entities/index.ts';
import { listAudit } from '../services/audit.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';

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
      description: 'Null for the system (the CLI, automatic jobs).',
      resolve: (entry, _a, ctx) =>
        entry.actorStaff ? ctx.scope().loaders.byId(StaffMember).load(entry.actorStaff.id) : null,
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
