/**
 * People's own data: a customer downloads everything Rapport holds about them
 * (Viewer.dataExport) and deletes their account after a grace period they can cancel
 * (requestAccountDeletion, cancelAccountDeletion, Viewer.deletionDueAt); managers set the grace
 * period and what happens to an erased member's posts (Community.privacySettings).
 */
import { Community } from '../entities/index.ts';
import { isStaff } from '../services/actor.ts';
import {
  cancelDeletion,
  exportMemberData,
  privacySettings,
  requestDeletion,
  updatePrivacySettings,
} from '../services/erasure.ts';
import { builder } from './builder.ts';
import { ViewerRef } from './viewer.ts';

const ErasedContentEnum = builder.enumType('ErasedContent', {
  values: {
    KEEP: { description: 'Their threads and replies stay, shown as "Deleted member".' },
    REMOVE: { description: 'Their threads and replies are removed.' },
  },
});

const PrivacySettingsRef = builder.objectRef<ReturnType<typeof privacySettings>>('PrivacySettings').implement({
  fields: (t) => ({
    deletionGraceDays: t.exposeInt('deletionGraceDays', { description: 'Days a deletion can be cancelled.' }),
    erasedContent: t.field({ type: ErasedContentEnum, resolve: (p) => p.erasedContent }),
  }),
});

builder.objectFields(ViewerRef, (t) => ({
  dataExport: t.field({
    type: 'JSON',
    nullable: true,
    description: 'A customer: everything Rapport holds about them, as one JSON document (null for staff).',
    resolve: (viewer, _a, ctx) => (isStaff(viewer) ? null : exportMemberData(ctx.scope(), viewer.member.id)),
  }),
  deletionDueAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When their account will be erased, if they asked (until then they can cancel).',
    resolve: (viewer) => (isStaff(viewer) ? null : (viewer.member.deletionDueAt ?? null)),
  }),
}));

builder.objectFields(Community, (t) => ({
  privacySettings: t.field({
    type: PrivacySettingsRef,
    description: 'Managers: how account deletions are handled.',
    authScopes: { manager: true },
    resolve: (community) => privacySettings(community),
  }),
}));

builder.mutationFields((t) => ({
  requestAccountDeletion: t.field({
    type: 'DateTime',
    description: 'Customers: delete my account. Returns when it will be erased; until then it can be cancelled.',
    authScopes: { member: true },
    resolve: async (_r, _a, ctx) => (await requestDeletion(ctx.scope(), ctx.member())).deletionDueAt as Date,
  }),
  cancelAccountDeletion: t.boolean({
    description: 'Customers: keep my account after all.',
    authScopes: { member: true },
    resolve: async (_r, _a, ctx) => {
      await cancelDeletion(ctx.scope(), ctx.member());
      return true;
    },
  }),
  updatePrivacySettings: t.field({
    type: PrivacySettingsRef,
    description:
      "Managers: the deletion grace period (1–90 days) and what happens to an erased member's posts. Audited.",
    authScopes: { manager: true },
    args: {
      deletionGraceDays: t.arg.int({ required: false }),
      erasedContent: t.arg({ type: ErasedContentEnum, required: false }),
    },
    resolve: (_r, args, ctx) => updatePrivacySettings(ctx.scope(), ctx.staff(), args),
  }),
}));
