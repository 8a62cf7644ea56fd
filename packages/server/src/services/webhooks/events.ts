import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { createdIn } from '../../db/created.ts';
import type { Em } from '../../db/em.ts';
import { newId } from '../../entities/id.ts';
import {
  Activity,
  Ask,
  AskAnswer,
  AuditLog,
  ChangelogEntry,
  ChangelogThread,
  Community,
  ConsentRecord,
  Reply,
  Thread,
  Webhook,
  WebhookDelivery,
} from '../../entities/index.ts';
import { alertEventsOf } from './alert-events.ts';
import type { PendingEvent } from './pending.ts';

const noTenant = { filters: { tenant: false } } as const;

/** What a newly written row means to webhooks, if anything. */
function eventsOf(em: Em, entity: object): PendingEvent[] {
  if (entity instanceof Activity) {
    const communityId = entity.community.id;
    const at = entity.createdAt ?? new Date();
    const threadId = entity.thread?.id;
    if (entity.type === 'THREAD_POSTED' && threadId) {
      return [{ communityId, event: 'thread.created', at, data: () => threadData(em, threadId) }];
    }
    if (entity.type === 'REPLY_POSTED' && threadId && entity.reply) {
      const replyId = entity.reply.id;
      return [{ communityId, event: 'reply.created', at, data: () => replyData(em, threadId, replyId) }];
    }
    if (entity.type === 'ASK_ANSWERED' && entity.actorMember) {
      const { askId, changed } = (entity.data ?? {}) as { askId?: string; changed?: boolean };
      const memberId = entity.actorMember.id;
      if (askId) {
        return [
          {
            communityId,
            event: 'ask.answered',
            at,
            data: async () => ({ ...(await answerData(em, askId, memberId)), changed: changed ?? false }),
          },
        ];
      }
    }
    if (entity.type === 'STATUS_CHANGED' && threadId) {
      const { from, to } = (entity.data ?? {}) as { from?: string; to?: string };
      return [
        {
          communityId,
          event: 'status.changed',
          at,
          data: async () => ({ ...(await threadData(em, threadId)), from: from ?? null, to: to ?? null }),
        },
      ];
    }
  }
  if (entity instanceof ConsentRecord) {
    const data = {
      memberId: entity.member.id,
      purpose: entity.purpose,
      granted: entity.granted,
      source: entity.source,
      textShown: entity.textShown,
    };
    return [
      {
        communityId: entity.community.id,
        event: 'consent.changed',
        at: entity.createdAt ?? new Date(),
        data: async () => data,
      },
    ];
  }
  if (
    entity instanceof AuditLog &&
    (entity.action === 'member.ambassador' || entity.action === 'member.unambassador')
  ) {
    const data = {
      memberId: entity.targetId,
      flagged: entity.action === 'member.ambassador',
      reason: (entity.after as { reason?: string } | null)?.reason ?? null,
      byStaffId: entity.actorStaff?.id ?? null,
    };
    return [
      {
        communityId: entity.community.id,
        event: 'member.flagged',
        at: entity.createdAt ?? new Date(),
        data: async () => data,
      },
    ];
  }
  if (entity instanceof AuditLog && entity.action === 'changelog.publish') {
    const entryId = entity.targetId;
    return [
      {
        communityId: entity.community.id,
        event: 'changelog.published',
        at: entity.createdAt ?? new Date(),
        data: () => changelogData(em, entryId),
      },
    ];
  }
  if (entity instanceof AuditLog && entity.action === 'ask.publish') {
    const askId = entity.targetId;
    return [
      {
        communityId: entity.community.id,
        event: 'ask.published',
        at: entity.createdAt ?? new Date(),
        data: () => askData(em, askId),
      },
    ];
  }
  if (entity instanceof AuditLog && entity.action === 'member.erase') {
    const data = { memberId: entity.targetId, reason: (entity.after as { reason?: string } | null)?.reason ?? null };
    return [
      {
        communityId: entity.community.id,
        event: 'member.erased',
        at: entity.createdAt ?? new Date(),
        data: async () => data,
      },
    ];
  }
  return [];
}

async function threadData(em: Em, threadId: string): Promise<Record<string, unknown>> {
  const t = await em.findOneOrFail(Thread, { id: threadId }, noTenant);
  return {
    threadId: t.id,
    kind: t.kind,
    title: t.title,
    body: t.body,
    status: t.status,
    authorMemberId: t.authorMember?.id ?? null,
    authorStaffId: t.authorStaff?.id ?? null,
  };
}

async function changelogData(em: Em, entryId: string): Promise<Record<string, unknown>> {
  const entry = await em.findOneOrFail(ChangelogEntry, { id: entryId }, { ...noTenant, populate: ['author'] });
  const links = await em.find(
    ChangelogThread,
    { entry: entryId },
    { ...noTenant, populate: ['thread'], orderBy: { position: 'asc' } },
  );
  return {
    entryId: entry.id,
    title: entry.title,
    body: entry.body,
    publishedAt: entry.publishedAt?.toISOString() ?? null,
    author: { staffId: entry.author.id, name: entry.author.name, title: entry.author.title ?? null },
    threads: links.map((l) => ({ threadId: l.thread.id, title: l.thread.title, status: l.thread.status })),
  };
}

async function askData(em: Em, askId: string): Promise<Record<string, unknown>> {
  const ask = await em.findOneOrFail(Ask, { id: askId }, { ...noTenant, populate: ['author'] });
  return {
    askId: ask.id,
    question: ask.question,
    details: ask.details,
    choices: ask.choices,
    multiple: ask.multiple,
    allowText: ask.allowText,
    segment: ask.targetName ?? null,
    closesAt: ask.closesAt.toISOString(),
    publishedAt: ask.publishedAt?.toISOString() ?? null,
    author: { staffId: ask.author.id, name: ask.author.name, title: ask.author.title ?? null },
  };
}

async function answerData(em: Em, askId: string, memberId: string): Promise<Record<string, unknown>> {
  const ask = await em.findOneOrFail(Ask, { id: askId }, noTenant);
  const answer = await em.findOneOrFail(AskAnswer, { ask: askId, member: memberId }, noTenant);
  return {
    askId,
    question: ask.question,
    memberId,
    choices: answer.choices.map((c) => ask.choices[c] ?? null),
    text: answer.text ?? null,
  };
}

async function replyData(em: Em, threadId: string, replyId: string): Promise<Record<string, unknown>> {
  const [thread, reply] = [
    await em.findOneOrFail(Thread, { id: threadId }, noTenant),
    await em.findOneOrFail(Reply, { id: replyId }, noTenant),
  ];
  return {
    threadId,
    threadTitle: thread.title,
    replyId,
    body: reply.body,
    authorMemberId: reply.authorMember?.id ?? null,
    authorStaffId: reply.authorStaff?.id ?? null,
  };
}

/**
 * Writes a delivery for every active webhook of the community that listens to the event, in the
 * caller's transaction. The body is fixed now (the same bytes on every attempt).
 */
export async function enqueueWebhookEvents(em: Em, pending: PendingEvent[]): Promise<void> {
  const byCommunity = new Map<string, PendingEvent[]>();
  for (const p of pending) byCommunity.set(p.communityId, [...(byCommunity.get(p.communityId) ?? []), p]);
  for (const [communityId, events] of byCommunity) {
    const hooks = await em.find(Webhook, { community: communityId, active: true }, noTenant);
    if (hooks.length === 0) continue;
    const community = await em.findOneOrFail(Community, { id: communityId }, { fields: ['slug'] });
    const rows: Record<string, unknown>[] = [];
    for (const e of events) {
      const listening = hooks.filter((h) => h.events.includes(e.event));
      if (listening.length === 0) continue;
      const data = await e.data();
      for (const hook of listening) {
        if (e.appliesTo && !e.appliesTo(hook, data)) continue;
        const dedupeKey = e.dedupeKey?.(data) ?? null;
        if (dedupeKey && (await em.count(WebhookDelivery, { webhook: hook.id, dedupeKey }, noTenant)) > 0) continue;
        const id = newId();
        const body = JSON.stringify({
          id,
          event: e.event,
          community: community.slug,
          createdAt: e.at.toISOString(),
          data,
        });
        rows.push({
          id,
          community: communityId,
          webhook: hook.id,
          event: e.event,
          body,
          dedupeKey,
          status: 'PENDING',
          dueAt: new Date(),
          attempts: 0,
          createdAt: new Date(),
        });
      }
    }
    if (rows.length) await em.insertMany(WebhookDelivery, rows as never);
  }
}

/**
 * Writes the deliveries of the rows a write created: what the subscriber below does after every
 * flush, called directly by a write that inserts its rows itself (services/reply-write).
 */
export async function enqueueForCreated(em: Em, rows: readonly object[]): Promise<void> {
  const pending = rows.flatMap((entity) => [...eventsOf(em, entity), ...alertEventsOf(em, entity)]);
  if (pending.length) await enqueueWebhookEvents(em, pending);
}

/** Every change that concerns webhooks writes its deliveries in its own transaction. */
export class WebhookSubscriber implements EventSubscriber {
  afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    return enqueueForCreated(em as Em, createdIn<object>(uow));
  }
}
