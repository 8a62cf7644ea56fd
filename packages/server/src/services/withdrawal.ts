import { forbidden } from '../core/errors.ts';
import { type Scope, write } from '../core/scope.ts';
import type { Thread } from '../entities/index.ts';
import type { Actor } from './actor.ts';
import { EDIT_WINDOW_MS, isAuthor } from './ownership.ts';
import { othersTookPart } from './participation.ts';
import { lockThread } from './threads.ts';

/**
 * The author withdraws their thread, at any time: it stays for the people who took part, shown as
 * withdrawn by its author, and its text is shown to staff only. Withdrawing twice changes nothing.
 */
export async function withdrawThread(scope: Scope, actor: Actor, threadId: string): Promise<Thread> {
  return write(scope, async (em, emit) => {
    const thread = await lockThread(em, actor, threadId);
    if (!isAuthor(actor, thread)) throw forbidden('error.withdraw.notYours');
    if (thread.withdrawnAt) return thread;
    thread.withdrawnAt = new Date();
    emit({ type: 'THREAD_EDITED', threadId: thread.id, at: thread.withdrawnAt.toISOString() });
    return thread;
  });
}

/** What the viewer may do to take their thread down: delete it, withdraw it, or neither. */
export async function removalFor(
  scope: Scope,
  actor: Actor | null,
  thread: Thread,
): Promise<'DELETE' | 'WITHDRAW' | null> {
  if (!actor || !isAuthor(actor, thread) || thread.withdrawnAt || thread.deletedAt) return null;
  const withinWindow = Date.now() - thread.createdAt.getTime() <= EDIT_WINDOW_MS;
  if (withinWindow && !(await othersTookPart(scope.em, thread))) return 'DELETE';
  return 'WITHDRAW';
}
