/** A public thread staff open from an ask's results, to follow it up in the open. */

import { badInput, notFound } from '../../core/errors.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { Ask, type Thread, type ThreadKind } from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { postThread } from '../threads.ts';

export interface FollowUpInput {
  kind: ThreadKind;
  title: string;
  body?: string | null;
}

/**
 * Posts the thread (as the staff member) and links it to the ask. The post's retry key is the
 * ask's, so a retry after a failure between the two steps finds the same thread and links it.
 */
export async function openFollowUp(
  scope: Scope,
  actor: StaffActor,
  askId: string,
  input: FollowUpInput,
): Promise<Thread> {
  const ask = valid.isUuid(askId) ? await scope.em.findOne(Ask, { id: askId }) : null;
  if (!ask) throw notFound('error.ask.notFound');
  if (ask.status === 'DRAFT') throw badInput('error.ask.notOpen', 'askId');
  if (ask.followUp) throw badInput('error.ask.followedUp', 'askId');
  const thread = await postThread(scope, actor, { ...input, idempotencyKey: `ask-follow-up:${ask.id}` });
  await write(scope, async (em) => {
    const current = await em.findOneOrFail(Ask, { id: ask.id }, { refresh: true });
    current.followUp = thread;
    recordAudit(em, scope.communityId, actor, {
      action: 'ask.followUp',
      targetType: 'Ask',
      targetId: ask.id,
      after: { threadId: thread.id },
    });
  });
  return thread;
}
