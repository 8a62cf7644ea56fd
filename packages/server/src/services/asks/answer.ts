/**
 * Members and asks: the open asks put to a member (the widget's cards), and their answer, which
 * they may change until the ask closes. Answering counts as taking part (the ranking's active day).
 */
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, forbidden, notFound } from '../../core/errors.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { Ask, AskAnswer } from '../../entities/index.ts';
import { recordActivity } from '../activity.ts';
import { type Actor, isMember, type MemberActor, memberIdOf } from '../actor.ts';
import { assertCanWrite } from '../threads.ts';
import { statusOf } from './manage.ts';
import { isAskedOf } from './publish.ts';

export interface AnswerInput {
  /** Indexes of the chosen choices. */
  choices?: readonly number[] | null;
  text?: string | null;
}

/** The open asks put to this member, newest first. */
export async function openAsksFor(scope: Scope, viewer: Actor | null): Promise<Ask[]> {
  if (!isMember(viewer)) return [];
  const asks = await scope.em.find(
    Ask,
    { status: 'OPEN', closesAt: { $gt: new Date() } },
    { orderBy: { publishedAt: 'desc', id: 'desc' } },
  );
  const memberId = memberIdOf(viewer);
  const asked = await Promise.all(asks.map((ask) => isAskedOf(scope, ask, memberId)));
  return asks.filter((_, i) => asked[i]);
}

/** An ask a member may see: open or closed (not a draft), and put to them. */
export async function askFor(scope: Scope, viewer: MemberActor, id: string): Promise<Ask> {
  const ask = valid.isUuid(id) ? await scope.em.findOne(Ask, { id }) : null;
  if (!ask || ask.status === 'DRAFT' || !(await isAskedOf(scope, ask, memberIdOf(viewer)))) {
    throw notFound('error.ask.notFound');
  }
  return ask;
}

export function answerOf(scope: Scope, askId: string, memberId: string): Promise<AskAnswer | null> {
  return scope.em.findOne(AskAnswer, { ask: askId, member: memberId });
}

function checkedAnswer(ask: Ask, input: AnswerInput): { choices: number[]; text: string | null } {
  const choices = [...new Set(input.choices ?? [])];
  if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= ask.choices.length)) {
    throw badInput('error.ask.badChoice', 'choices');
  }
  if (!ask.multiple && choices.length > 1) throw badInput('error.ask.oneChoice', 'choices');
  const written = input.text?.trim() ? valid.text(input.text, valid.SERVER_LIMITS.askAnswer) : null;
  if (written !== null && !ask.allowText) throw badInput('error.ask.noText', 'text');
  if (choices.length === 0 && written === null) {
    throw ask.choices.length ? badInput('error.ask.noAnswer', 'choices') : valid.empty(valid.SERVER_LIMITS.askAnswer);
  }
  return { choices: choices.sort((a, b) => a - b), text: written };
}

/** Gives or changes a member's answer while the ask is open. */
export async function answerAsk(scope: Scope, actor: Actor, id: string, input: AnswerInput): Promise<AskAnswer> {
  if (!isMember(actor)) throw forbidden('error.ask.customersOnly');
  assertCanWrite(actor);
  const ask = await askFor(scope, actor, id);
  if (statusOf(ask) !== 'OPEN') throw badInput('error.ask.closed', 'id');
  const answer = checkedAnswer(ask, input);
  const memberId = memberIdOf(actor);
  const save = () =>
    write(scope, async (em) => {
      // Read under a lock: a close committing meanwhile is seen, and no answer lands after it.
      const current = await em.findOne(Ask, { id: ask.id }, { refresh: true, lockMode: LockMode.PESSIMISTIC_READ });
      if (!current || statusOf(current) !== 'OPEN') throw badInput('error.ask.closed', 'id');
      const existing = await em.findOne(AskAnswer, { ask: ask.id, member: memberId });
      // The same answer again changes nothing, and tells no one.
      if (existing && existing.choices.join() === answer.choices.join() && (existing.text ?? null) === answer.text) {
        return { row: existing, changed: false };
      }
      const row =
        existing ?? em.create(AskAnswer, { community: scope.communityId, ask: ask.id, member: memberId, ...answer });
      if (existing) Object.assign(existing, answer);
      recordActivity(em, scope.communityId, actor, {
        type: 'ASK_ANSWERED',
        data: { askId: ask.id, answerId: row.id, changed: !!existing },
      });
      return { row, changed: true };
    });
  // Two first answers at once (a double click): the second finds the first and changes it.
  const saved = await save().catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) return save();
    throw error;
  });
  if (saved.changed) {
    scope.events.publishAsk(scope.communityId, { type: 'ANSWERED', askId: ask.id, at: new Date().toISOString() });
  }
  return saved.row;
}
