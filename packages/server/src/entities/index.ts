import { Activity } from './activity.ts';
import { ApiKey } from './api-key.ts';
import { Ask, AskAnswer } from './ask.ts';
import { AuditLog } from './audit-log.ts';
import { ChangelogEntry, ChangelogThread } from './changelog.ts';
import { Cleanup } from './cleanup.ts';
import { Community } from './community.ts';
import { ConsentRecord } from './consent-record.ts';
import { Follow } from './follow.ts';
import { Handover } from './handover.ts';
import { IdempotencyKey } from './idempotency-key.ts';
import { InboundEmail } from './inbound-email.ts';
import { Member } from './member.ts';
import { MemberScore } from './member-score.ts';
import { Mention } from './mention.ts';
import { Notification } from './notification.ts';
import { OutboxMessage } from './outbox-message.ts';
import { Reply } from './reply.ts';
import { ReplyAddress } from './reply-address.ts';
import { Report } from './report.ts';
import { Segment } from './segment.ts';
import { SsoKey } from './sso-key.ts';
import { StaffMember } from './staff-member.ts';
import { StaffSession } from './staff-session.ts';
import { StatusChange } from './status-change.ts';
import { Thread } from './thread.ts';
import { Vote } from './vote.ts';
import { Webhook, WebhookDelivery } from './webhook.ts';

export * from './activity.ts';
export * from './api-key.ts';
export * from './ask.ts';
export * from './audit-log.ts';
export * from './changelog.ts';
export * from './cleanup.ts';
export * from './community.ts';
export * from './consent-record.ts';
export * from './follow.ts';
export * from './handover.ts';
export * from './idempotency-key.ts';
export * from './inbound-email.ts';
export * from './member.ts';
export * from './member-score.ts';
export * from './mention.ts';
export * from './notification.ts';
export * from './outbox-message.ts';
export * from './reply.ts';
export * from './reply-address.ts';
export * from './report.ts';
export * from './segment.ts';
export * from './sso-key.ts';
export * from './staff-member.ts';
export * from './staff-session.ts';
export * from './status-change.ts';
export * from './thread.ts';
export * from './vote.ts';
export * from './webhook.ts';

/** Every entity; the ORM is configured with exactly this list. */
export const entities = [
  Community,
  SsoKey,
  ApiKey,
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
  ConsentRecord,
  OutboxMessage,
  Handover,
  Webhook,
  WebhookDelivery,
  Cleanup,
  IdempotencyKey,
  ChangelogEntry,
  ChangelogThread,
  Notification,
  InboundEmail,
  ReplyAddress,
  Segment,
  Ask,
  AskAnswer,
];

/**
 * Entities holding one community's data. The ORM's `tenant` filter (db/tenant-filter.ts) adds
 * `community = ?` to every read, update and delete of these.
 */
export const tenantEntities = entities.filter((e) => e !== Community);
