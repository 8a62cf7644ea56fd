/**
 * The events a team is alerted of where it works (services/webhooks/alerts.ts formats them): a new
 * idea, an ambassador or a critic posting, an idea passing its webhook's number of votes, an ask
 * closing. Any webhook may listen to them; each is worked out only when one does.
 */
import type { Em } from '../../db/em.ts';
import {
  Activity,
  Ask,
  AskAnswer,
  AuditLog,
  DEFAULT_VOTE_THRESHOLD,
  Member,
  Reply,
  Thread,
} from '../../entities/index.ts';
import { where } from '../segments/members.ts';
import type { PendingEvent } from './pending.ts';

type Data = Record<string, unknown>;
const noTenant = { filters: { tenant: false } } as const;
/** Characters of a text an alert quotes. */
const EXCERPT = 280;

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/**
 * Whether the member is a flagged ambassador, and a critic as the ranking places them now. The
 * critic's test needs the request's manager bound to the community (every post is written so).
 */
async function standingOf(em: Em, communityId: string, memberId: string) {
  const member = await em.findOneOrFail(Member, { id: memberId }, noTenant);
  const bound = em.getFilterParams<{ communityId?: string }>('tenant')?.communityId === communityId;
  let critic = false;
  if (bound) {
    const w = await where({ communityId, em }, { standing: 'CRITICS' });
    const rows = await em.execute<unknown[]>(`select 1 as x from member m where m.id = ? and ${w.sql}`, [
      memberId,
      ...w.params,
    ]);
    critic = rows.length > 0;
  }
  return { name: member.displayName, ambassador: member.ambassadorFlaggedAt != null, critic };
}

async function postData(em: Em, activity: Activity): Promise<Data> {
  const thread = await em.findOneOrFail(Thread, { id: activity.thread?.id as string }, noTenant);
  const reply = activity.reply ? await em.findOneOrFail(Reply, { id: activity.reply.id }, noTenant) : null;
  const memberId = activity.actorMember?.id as string;
  const standing = await standingOf(em, activity.community.id, memberId);
  return {
    memberId,
    memberName: standing.name,
    threadId: thread.id,
    threadTitle: thread.title,
    replyId: reply?.id ?? null,
    text: excerpt(reply ? reply.body : thread.body || thread.title),
    isAmbassador: standing.ambassador,
    isCritic: standing.critic,
  };
}

async function ideaData(em: Em, threadId: string): Promise<Data> {
  const thread = await em.findOneOrFail(
    Thread,
    { id: threadId },
    { ...noTenant, populate: ['authorMember', 'authorStaff'] },
  );
  return {
    threadId: thread.id,
    title: thread.title,
    body: excerpt(thread.body),
    voteCount: thread.voteCount,
    kind: thread.kind,
    authorName: thread.authorMember?.displayName ?? thread.authorStaff?.name ?? null,
  };
}

async function closedAskData(em: Em, askId: string): Promise<Data> {
  const ask = await em.findOneOrFail(Ask, { id: askId }, { ...noTenant, populate: ['author'] });
  const answers = await em.find(
    AskAnswer,
    { ask: askId, member: { erasedAt: null } },
    { ...noTenant, fields: ['choices'] },
  );
  const counts = ask.choices.map(() => 0);
  for (const answer of answers) for (const c of answer.choices) if (c < counts.length) counts[c] = (counts[c] ?? 0) + 1;
  return {
    askId: ask.id,
    question: ask.question,
    segment: ask.targetName ?? null,
    answered: answers.length,
    results: ask.choices.map((choice, i) => ({ choice, count: counts[i] ?? 0 })),
    author: { staffId: ask.author.id, name: ask.author.name, title: ask.author.title ?? null },
  };
}

export function alertEventsOf(em: Em, entity: object): PendingEvent[] {
  if (entity instanceof Activity && entity.thread) {
    const communityId = entity.community.id;
    const at = entity.createdAt ?? new Date();
    const threadId = entity.thread.id;
    const events: PendingEvent[] = [];
    if (entity.type === 'THREAD_POSTED' && (entity.data as { kind?: string } | null)?.kind === 'IDEA') {
      events.push({ communityId, event: 'idea.created', at, data: () => ideaData(em, threadId) });
    }
    if ((entity.type === 'THREAD_POSTED' || entity.type === 'REPLY_POSTED') && entity.actorMember) {
      // Read once for both events, and only if a webhook listens to one of them.
      let post: Promise<Data> | undefined;
      const data = () => {
        post ??= postData(em, entity);
        return post;
      };
      events.push(
        { communityId, event: 'ambassador.posted', at, data, appliesTo: (_hook, d) => d.isAmbassador === true },
        { communityId, event: 'critic.posted', at, data, appliesTo: (_hook, d) => d.isCritic === true },
      );
    }
    if (entity.type === 'VOTE_ADDED') {
      events.push({
        communityId,
        event: 'idea.votes_passed',
        at,
        data: () => ideaData(em, threadId),
        appliesTo: (hook, d) => d.kind === 'IDEA' && d.voteCount === (hook.voteThreshold ?? DEFAULT_VOTE_THRESHOLD),
        dedupeKey: (d) => `idea.votes_passed:${threadId}:${String(d.voteCount)}`,
      });
    }
    return events;
  }
  if (entity instanceof AuditLog && entity.action === 'ask.close') {
    const askId = entity.targetId;
    const at = entity.createdAt ?? new Date();
    return [{ communityId: entity.community.id, event: 'ask.closed', at, data: () => closedAskData(em, askId) }];
  }
  return [];
}
