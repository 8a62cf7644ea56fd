import type { EntityClass } from '@mikro-orm/core';
import type { Em } from '../db/orm.ts';

/**
 * A job every server process runs every few seconds (sending due emails, delivering webhooks).
 * Runs never overlap; `stop` waits for the run in progress. Work is claimed in the database, so
 * any number of processes may poll the same tables.
 */
export interface Poller<T> {
  /** Runs now (or joins the run in progress). */
  runOnce(): Promise<T>;
  stop(): Promise<void>;
}

export function startPoller<T>(
  run: () => Promise<T>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Poller<T> {
  let running: Promise<T> | undefined;
  let stopped = false;
  const runOnce = () =>
    (running ??= run().finally(() => {
      running = undefined;
    }));
  const timer = setInterval(() => {
    if (!stopped) runOnce().catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** The wait before attempt n + 1 of something that failed: a minute, doubling, at most six hours. */
export const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3_600_000);

/** A row of a work queue: pending until done, held by one worker at a time. */
interface Claimable {
  id: string;
  status: string;
  claimedUntil?: Date | null;
}

/** How long a worker holds what it claimed before another may try it (it crashed, say). */
export const CLAIM_MS = 60_000;

/** Pending and unclaimed (or claimed by a worker that gave up): free to take. */
export const claimable = (now: Date) => ({
  status: 'PENDING' as const,
  $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
});

/**
 * Takes rows of a work queue for this worker, one conditional update each, so two processes
 * never both take one; returns those it got.
 */
export async function claim<T extends Claimable>(em: Em, entity: EntityClass<T>, rows: T[], now: Date): Promise<T[]> {
  const got: T[] = [];
  for (const row of rows) {
    const updated = await em.nativeUpdate(
      entity,
      { id: row.id, ...claimable(now) } as never,
      { claimedUntil: new Date(now.getTime() + CLAIM_MS) } as never,
      { filters: { tenant: false } },
    );
    if (updated === 1) got.push(row);
  }
  return got;
}
