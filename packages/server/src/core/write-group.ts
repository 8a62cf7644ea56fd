import { dialectOfEm, type Em } from '../db/em.ts';
import { AppError } from './errors.ts';
import type { ThreadEvent } from './events.ts';
import { entryOf } from './map-entry.ts';
import { bindEm, type Scope, write } from './scope.ts';
import { assertWritesAccepted } from './shutdown.ts';

type Work<T> = (em: Em, emit: (event: ThreadEvent) => void) => Promise<T>;

interface Waiting {
  scope: Scope;
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown; events: ThreadEvent[] } | { ok: false; error: unknown };

/**
 * At most this many writes share a commit: SQLite runs in the server's own thread, so nothing
 * else is served while a group is written, and a request waits behind at most this many.
 */
export const GROUP_LIMIT = 16;

/** Writes waiting for the commit in progress, per ORM (its configuration is shared by every fork). */
type Queue = { waiting: Waiting[]; running: boolean };
const queues = new WeakMap<object, Queue>();

/**
 * `write`, committed together with the others sent at the same time: one transaction, each write
 * in its own savepoint, so one that fails leaves the others as they were. What SQLite pays per
 * commit (the sync to disk, FTS5 writing and merging a segment) is paid once per group rather than
 * once per write (BENCHMARKS.md, "Customers' writes committed in groups"). Each caller still gets
 * its own answer, and its live events once the group has committed.
 *
 * SQLite only: it has one writer, so writes wait for each other anyway. PostgreSQL writes in
 * parallel, and a group holding several threads' locks could deadlock with another; it writes alone.
 */
export function writeGrouped<T>(scope: Scope, work: Work<T>): Promise<T> {
  if (dialectOfEm(scope.em) !== 'sqlite') return write(scope, work);
  const queue = entryOf(queues, scope.em.config, () => ({ waiting: [], running: false }));
  return new Promise<T>((resolve, reject) => {
    queue.waiting.push({ scope, work, resolve: resolve as (value: unknown) => void, reject });
    if (queue.running) return;
    queue.running = true;
    gather(queue, 0, 0);
  });
}

/** Turns of the event loop a group may wait for more writes to join it. */
const MAX_TURNS = 8;

/**
 * SQLite's statements run synchronously, so no request moves on while a write runs, and none
 * could join it: a group starts once a turn of the event loop brought no new write (or enough).
 */
function gather(queue: Queue, seen: number, turns: number): void {
  setImmediate(() => {
    const waiting = queue.waiting.length;
    if (waiting > seen && waiting < GROUP_LIMIT && turns < MAX_TURNS) gather(queue, waiting, turns + 1);
    else void drain(queue);
  });
}

async function drain(queue: Queue): Promise<void> {
  try {
    while (queue.waiting.length > 0) {
      // One community a group: the commit announces its change to that community's caches alone.
      const community = queue.waiting[0]?.scope.communityId;
      const group: Waiting[] = [];
      for (let i = 0; i < queue.waiting.length && group.length < GROUP_LIMIT; ) {
        if (queue.waiting[i]?.scope.communityId === community) group.push(...queue.waiting.splice(i, 1));
        else i++;
      }
      await commitGroup(group);
    }
  } finally {
    queue.running = false;
  }
}

async function commitGroup(group: Waiting[]): Promise<void> {
  if (group.length === 1) {
    await writeAlone(group[0] as Waiting);
    return;
  }
  let outcomes: Outcome[];
  try {
    outcomes = await inOneTransaction(group);
  } catch (error) {
    if (error instanceof Committed) {
      // Written, but what follows a commit failed: each write answers as `write` would then.
      for (const waiting of group) waiting.reject(error.cause);
      return;
    }
    // The transaction itself failed (its commit, or a savepoint the database would not roll back
    // to): nothing of it was written, so each write is tried again on its own.
    await Promise.all(group.map(writeAlone));
    return;
  }
  const alone: Waiting[] = [];
  for (const [i, waiting] of group.entries()) {
    const outcome = outcomes[i] as Outcome;
    if (outcome.ok) {
      for (const event of outcome.events) waiting.scope.events.publish(waiting.scope.communityId, event);
      waiting.resolve(outcome.value);
    } else if (outcome.error instanceof AppError) waiting.reject(outcome.error);
    // A database error may be the group's doing (another write's row, say): tried once more alone,
    // once the rest have their answers.
    else alone.push(waiting);
  }
  await Promise.all(alone.map(writeAlone));
}

/** One write in a transaction of its own, answered as `write` answers it. */
function writeAlone(waiting: Waiting): Promise<void> {
  return write(waiting.scope, waiting.work).then(waiting.resolve, waiting.reject);
}

/** The group's transaction committed, and what runs after a commit then failed. */
class Committed extends Error {}

/**
 * Runs each write of the group in a savepoint of one transaction, on a fork of its own scope's
 * manager that uses that transaction, and commits. A write that throws is rolled back to its
 * savepoint. Members a rolled-back write would have told of a reply hear of a change all the same,
 * read their unread count again and find it as it was.
 */
async function inOneTransaction(group: Waiting[]): Promise<Outcome[]> {
  const first = group[0] as Waiting;
  const root = bindEm(first.scope.em, first.scope.communityId);
  await root.begin();
  // Kysely's transaction (MikroORM's context): whether its COMMIT ran (write-group.test.ts checks).
  const transaction = root.getTransactionContext<{ isCommitted?: boolean }>();
  const connection = root.getConnection('write');
  const run = (sql: string) => connection.execute(sql, [], 'run', transaction);
  const forks: Em[] = [];
  const outcomes: Outcome[] = [];
  try {
    for (const waiting of group) {
      const em = waiting.scope.em.fork({ clear: false });
      em.setTransactionContext(transaction);
      forks.push(em);
      const events: ThreadEvent[] = [];
      await run('savepoint grouped_write');
      try {
        assertWritesAccepted(em);
        const value = await waiting.work(em, (event) => events.push(event));
        await em.flush();
        await run('release grouped_write');
        outcomes.push({ ok: true, value, events });
      } catch (error) {
        await run('rollback to grouped_write');
        await run('release grouped_write');
        outcomes.push({ ok: false, error });
      }
    }
    await root.commit();
  } catch (error) {
    // The subscribers that run after a commit (announcements) can fail once it is done.
    if (transaction?.isCommitted) throw new Committed('committed', { cause: error });
    await root.rollback().catch(() => {});
    throw error;
  } finally {
    // What a write returns is read after the commit, outside the transaction that is now over.
    for (const em of forks) em.resetTransactionContext();
  }
  return outcomes;
}
