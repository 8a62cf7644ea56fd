import { Activity } from './activity.ts';
import { AuditLog } from './audit-log.ts';
import { Community } from './community.ts';
import { Follow } from './follow.ts';
import { Member } from './member.ts';
import { MemberScore } from './member-score.ts';
import { Mention } from './mention.ts';
import { Reply } from './reply.ts';
import { Report } from './report.ts';
import { SsoKey } from './sso-key.ts';
import { StaffMember } from './staff-member.ts';
import { StaffSession } from './staff-session.ts';
import { StatusChange } from './status-change.ts';
import { Thread } from './thread.ts';
import { Vote } from './vote.ts';

export * from './activity.ts';
export * from './audit-log.ts';
export * from './community.ts';
export * from './follow.ts';
export * from './member.ts';
export * from './member-score.ts';
export * from './mention.ts';
export * from './reply.ts';
export * from './report.ts';
export * from './sso-key.ts';
export * from './staff-member.ts';
export * from './staff-session.ts';
export * from './status-change.ts';
export * from './thread.ts';
export * from './vote.ts';

/** Every entity; the ORM is configured with exactly this list. */
export const entities = [
  Community,
  SsoKey,
  StaffMember,
  StaffSession,
  Member,
  Thread,
  Reply,
  Vote,
  Follow,
  StatusChange,
  Activity,
  MemberScore,
  AuditLog,
  Report,
  Mention,
];

/**
 * Entities holding one community's data. The ORM's `tenant` filter (db/tenant-filter.ts) adds
 * `community = ?` to every read, update and delete of these.
 */
export const tenantEntities = entities.filter((e) => e !== Community);
