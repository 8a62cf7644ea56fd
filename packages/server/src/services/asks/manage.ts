/**
 * Asks staff write, publish (emailing who is asked and agreed to be contacted) and close; each
 * change audited. Who is asked is fixed at publication: the segment's rules as they were then.
 */
import { LockMode } from '@mikro-orm/core';
import { badInput, notFound } from '../../core/errors.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import type { Em } from '../../db/em.ts';
import { Ask, type AskStatus, Segment } from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { tellOfAsk } from './publish.ts';

/** Choices a poll may offer. */
export const MAX_CHOICES = 10;
/** Asks a community may have open at once: each is checked against every member who opens the widget. */
export const MAX_OPEN_ASKS = 20;
const YEAR_MS = 366 * 86_400_000;

export interface AskInput {
  question?: string | null;
  details?: string | null;
  choices?: readonly string[] | null;
  multiple?: boolean | null;
  allowText?: boolean | null;
  /** Who is asked: a segment's id; null, everyone. */
  segmentId?: string | null;
  closesAt?: Date | null;
}

/** An ask open past its closing time is closed, whether or not the closing job has run yet. */
export function statusOf(ask: Ask, now = Date.now()): AskStatus {
  return ask.status === 'OPEN' && ask.closesAt.getTime() <= now ? 'CLOSED' : ask.status;
}

export function listAsks(scope: Scope, status?: AskStatus | null): Promise<Ask[]> {
  const now = new Date();
  const where =
    status === 'OPEN'
      ? { status: 'OPEN' as const, closesAt: { $gt: now } }
      : status === 'CLOSED'
        ? { $or: [{ status: 'CLOSED' as const }, { status: 'OPEN' as const, closesAt: { $lte: now } }] }
        : status === 'DRAFT'
          ? { status: 'DRAFT' as const }
          : {};
  return scope.em.find(Ask, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 200 });
}

export function findAsk(scope: Scope, id: string): Promise<Ask | null> {
  return valid.isUuid(id) ? scope.em.findOne(Ask, { id }) : Promise.resolve(null);
}

async function lockAsk(em: Em, id: string): Promise<Ask> {
  const ask = valid.isUuid(id)
    ? await em.findOne(Ask, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!ask) throw notFound('error.ask.notFound');
  return ask;
}

function checkedChoices(choices: readonly string[]): string[] {
  const lines = choices.map((c) => valid.line(c, valid.SERVER_LIMITS.askChoice));
  if (lines.length === 1 || lines.length > MAX_CHOICES || new Set(lines).size !== lines.length) {
    throw badInput(['error.ask.choices', { max: MAX_CHOICES }], 'choices');
  }
  return lines;
}

function checkedClosing(at: Date): Date {
  if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now() || at.getTime() > Date.now() + YEAR_MS) {
    throw badInput('error.ask.closesAt', 'closesAt');
  }
  return at;
}

async function checkedSegment(em: Em, id: string | null | undefined): Promise<Segment | null> {
  if (id == null) return null;
  const segment = valid.isUuid(id) ? await em.findOne(Segment, { id }) : null;
  if (!segment) throw badInput('error.segment.notFound', 'segmentId');
  return segment;
}

/** The fields of `input` that are given, checked. */
function checkedFields(input: AskInput) {
  return {
    question: input.question == null ? undefined : valid.line(input.question, valid.SERVER_LIMITS.askQuestion),
    details: input.details == null ? undefined : valid.text(input.details, valid.SERVER_LIMITS.askDetails),
    choices: input.choices == null ? undefined : checkedChoices(input.choices),
    multiple: input.multiple ?? undefined,
    allowText: input.allowText ?? undefined,
    closesAt: input.closesAt == null ? undefined : checkedClosing(input.closesAt),
  };
}

const snapshot = (ask: Ask) => ({
  question: ask.question,
  choices: ask.choices,
  multiple: ask.multiple,
  allowText: ask.allowText,
  segmentId: ask.segment?.id ?? null,
  closesAt: ask.closesAt.toISOString(),
});

/** A question without choices is answered in words. */
function settle(ask: Ask): void {
  if (ask.choices.length === 0) {
    ask.allowText = true;
    ask.multiple = false;
  }
}

export async function createAsk(scope: Scope, actor: StaffActor, input: AskInput): Promise<Ask> {
  const fields = checkedFields(input);
  if (fields.question === undefined) throw valid.empty(valid.SERVER_LIMITS.askQuestion);
  if (fields.closesAt === undefined) throw badInput('error.ask.closesAt', 'closesAt');
  return write(scope, async (em) => {
    const ask = em.create(Ask, {
      community: scope.communityId,
      author: actor.staff,
      question: fields.question as string,
      details: fields.details ?? '',
      choices: fields.choices ?? [],
      multiple: fields.multiple ?? false,
      allowText: fields.allowText ?? false,
      segment: await checkedSegment(em, input.segmentId),
      closesAt: fields.closesAt as Date,
    });
    settle(ask);
    recordAudit(em, scope.communityId, actor, {
      action: 'ask.create',
      targetType: 'Ask',
      targetId: ask.id,
      after: snapshot(ask),
    });
    return ask;
  });
}

/**
 * Changes an ask. Once published, only its details and closing time change: the question, its
 * choices and who is asked are what members answered.
 */
export async function updateAsk(scope: Scope, actor: StaffActor, id: string, input: AskInput): Promise<Ask> {
  const fields = checkedFields(input);
  return write(scope, async (em) => {
    const ask = await lockAsk(em, id);
    const before = snapshot(ask);
    if (ask.status !== 'DRAFT') {
      const fixed = ['question', 'choices', 'multiple', 'allowText'] as const;
      if (fixed.some((k) => fields[k] !== undefined) || input.segmentId !== undefined) {
        throw badInput('error.ask.published', fixed.find((k) => fields[k] !== undefined) ?? 'segmentId');
      }
      if (statusOf(ask) === 'CLOSED') throw badInput('error.ask.closed', 'id');
    }
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(ask, { [key]: value });
    if (input.segmentId !== undefined) ask.segment = await checkedSegment(em, input.segmentId);
    settle(ask);
    recordAudit(em, scope.communityId, actor, {
      action: 'ask.update',
      targetType: 'Ask',
      targetId: ask.id,
      before,
      after: snapshot(ask),
    });
    return ask;
  });
}

/** Opens an ask to its members (its target fixed now) and emails those who agreed to be contacted. */
export async function publishAsk(scope: Scope, actor: StaffActor, id: string): Promise<Ask> {
  return write(scope, async (em) => {
    const ask = await lockAsk(em, id);
    if (ask.status !== 'DRAFT') throw badInput('error.ask.notDraft', 'id');
    checkedClosing(ask.closesAt);
    if ((await em.count(Ask, { status: 'OPEN', closesAt: { $gt: new Date() } })) >= MAX_OPEN_ASKS) {
      throw badInput(['error.ask.tooManyOpen', { max: MAX_OPEN_ASKS }], 'id');
    }
    const segment = ask.segment ? await em.findOne(Segment, { id: ask.segment.id }) : null;
    ask.targetName = segment?.name ?? null;
    ask.targetRules = segment?.rules ?? null;
    ask.status = 'OPEN';
    ask.publishedAt = new Date();
    await em.flush();
    const emailed = await tellOfAsk(scope, em, ask);
    recordAudit(em, scope.communityId, actor, {
      action: 'ask.publish',
      targetType: 'Ask',
      targetId: ask.id,
      after: { question: ask.question, target: ask.targetName, emailed },
    });
    return ask;
  });
}

/** Closes an open ask now: answers can no longer be given or changed. */
export async function closeAsk(scope: Scope, actor: StaffActor, id: string): Promise<Ask> {
  return write(scope, async (em) => {
    const ask = await lockAsk(em, id);
    if (ask.status === 'DRAFT') throw badInput('error.ask.notOpen', 'id');
    if (ask.status === 'CLOSED') return ask;
    const now = new Date();
    ask.status = 'CLOSED';
    ask.closedAt = ask.closesAt < now ? ask.closesAt : now;
    if (ask.closesAt > now) ask.closesAt = now;
    recordAudit(em, scope.communityId, actor, { action: 'ask.close', targetType: 'Ask', targetId: ask.id });
    return ask;
  });
}

/** Removes a draft; a published ask is closed instead, and its answers kept. */
export async function deleteAsk(scope: Scope, actor: StaffActor, id: string): Promise<string> {
  return write(scope, async (em) => {
    const ask = await lockAsk(em, id);
    if (ask.status !== 'DRAFT') throw badInput('error.ask.notDraft', 'id');
    recordAudit(em, scope.communityId, actor, {
      action: 'ask.delete',
      targetType: 'Ask',
      targetId: ask.id,
      before: snapshot(ask),
    });
    em.remove(ask);
    return id;
  });
}

/** Closes every open ask past its closing time (the background job, any process); returns them. */
export async function closeDueAsks(em: Em): Promise<Ask[]> {
  // Looked for before any transaction: every commit tells all processes that what they cache may
  // be stale, and this runs every few seconds in each of them.
  const due = await em.count(Ask, { status: 'OPEN', closesAt: { $lte: new Date() } }, { filters: { tenant: false } });
  if (due === 0) return [];
  return em.transactional(async (tx) => {
    const due = await tx.find(
      Ask,
      { status: 'OPEN', closesAt: { $lte: new Date() } },
      { filters: { tenant: false }, lockMode: LockMode.PESSIMISTIC_WRITE, limit: 100 },
    );
    for (const ask of due) {
      ask.status = 'CLOSED';
      ask.closedAt = ask.closesAt;
      recordAudit(tx, ask.community.id, null, { action: 'ask.close', targetType: 'Ask', targetId: ask.id });
    }
    return due;
  });
}
