import { randomUUID } from 'node:crypto';
import type { EntityClass } from '@mikro-orm/core';
import type { Em } from '../db/em.ts';
import type { Poller } from './poller.ts';

/**
 * Outboxes (emails, webhook deliveries) are work queues in the database that any number of server
 * processes drain. A worker claims a row just before it works on it, under a token of its own,
 * keeps the claim while the work runs, and records the outcome only under that token: a row is
 * never worked on by two processes at once, and a worker that lost its claim changes nothing.
 */

/** A row of a work queue: pending until done, held by one worker at a time. */
interface Claimable {
  id: string;
  status: string;
  claimedBy?: string | null;
  claimedUntil?: Date | null;
}

/** How long a claim lasts unless renewed: long enough that a stalled worker is noticed. */
export const CLAIM_MS = 60_000;

const noTenant = { filters: { tenant: false } } as const;

/** Pending and unclaimed (or claimed by a worker that stopped renewing): free to take. */
export const claimable = (now: Date) => ({
  status: 'PENDING' as const,
  $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
});

/** Rows this worker holds, under its token. */
export interface Claim {
  token: string;
  ids: string[];
}

/** Takes what it can of `ids` for this worker in one conditional update; null when it got none. */
export async function claimRows<T extends Claimable>(
  em: Em,
  entity: EntityClass<T>,
  ids: string[],
  now: Date,
  claimMs = CLAIM_MS,
): Promise<Claim | null> {
  const token = randomUUID();
  const updated = await em.nativeUpdate(
    entity,
    { id: { $in: ids }, ...claimable(now) } as never,
    { claimedBy: token, claimedUntil: new Date(now.getTime() + claimMs) } as never,
    noTenant,
  );
  if (updated === 0) return null;
  if (updated === ids.length) return { token, ids };
  const got = await em.find(entity, { id: { $in: ids }, claimedBy: token } as never, {
    ...noTenant,
    fields: ['id'] as never,
  });
  return { token, ids: got.map((row) => row.id) };
}

/**
 * Records the outcome of work on claimed rows and lets them go, only if this worker still holds
 * them. Returns false when it did not (the outcome was not recorded).
 */
export async function settle<T extends Claimable>(
  em: Em,
  entity: EntityClass<T>,
  claim: Claim,
  changes: Partial<T>,
): Promise<boolean> {
  const updated = await em.nativeUpdate(
    entity,
    { id: { $in: claim.ids }, claimedBy: claim.token } as never,
    { ...changes, claimedBy: null, claimedUntil: null } as never,
    noTenant,
  );
  return updated === claim.ids.length;
}

/** Runs `work` while renewing the claim (every third of its length), so no other worker takes the rows. */
export async function holding<T extends Claimable, R>(
  em: Em,
  entity: EntityClass<T>,
  claim: Claim,
  work: () => Promise<R>,
  claimMs = CLAIM_MS,
): Promise<R> {
  const renew = setInterval(() => {
    void em
      .nativeUpdate(
        entity,
        { id: { $in: claim.ids }, claimedBy: claim.token } as never,
        { claimedUntil: new Date(Date.now() + claimMs) } as never,
        noTenant,
      )
      .catch(() => undefined);
  }, claimMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
  }
}

/**
 * Bounded concurrency with fairness between communities: at most `total` pieces of work at once,
 * and at most `perCommunity` for any one community, so one community's slow receiver can hold
 * only its own lanes while everyone else's work goes on.
 */
export class Lanes {
  readonly #busy = new Map<string, number>();
  readonly #running = new Set<Promise<void>>();
  readonly total: number;
  readonly perCommunity: number;
  readonly #onError: (error: unknown) => void;
  #onFree: (() => void) | undefined;

  constructor(options: { total: number; perCommunity: number; onError: (error: unknown) => void }) {
    this.total = options.total;
    this.perCommunity = options.perCommunity;
    this.#onError = options.onError;
  }

  /** Some work is running. */
  get busy(): boolean {
    return this.#running.size > 0;
  }

  get full(): boolean {
    return this.#running.size >= this.total;
  }

  /** Communities that cannot take more work now: leave their rows for later. */
  fullCommunities(): string[] {
    return [...this.#busy].filter(([, count]) => count >= this.perCommunity).map(([id]) => id);
  }

  canTake(communityId: string): boolean {
    return !this.full && (this.#busy.get(communityId) ?? 0) < this.perCommunity;
  }

  /** Called each time a piece of work ends (a lane is free again). */
  onFree(listener: () => void): void {
    this.#onFree = listener;
  }

  /** Starts work in a community's lane (check canTake first); errors go to onError. */
  run(communityId: string, work: () => Promise<void>): void {
    this.#busy.set(communityId, (this.#busy.get(communityId) ?? 0) + 1);
    const running: Promise<void> = work()
      .catch(this.#onError)
      .finally(() => {
        const left = (this.#busy.get(communityId) ?? 1) - 1;
        if (left > 0) this.#busy.set(communityId, left);
        else this.#busy.delete(communityId);
        this.#running.delete(running);
        this.#onFree?.();
      });
    this.#running.add(running);
  }

  /** Resolves once no work is running. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}

/**
 * Drains a work queue: every `intervalMs`, and as soon as a lane frees up when the last run had to
 * leave due rows behind. `dispatch` starts what is due without waiting for it (so a slow send
 * never delays the next run) and says whether it left rows behind. Runs never overlap; one asked
 * for while another runs follows it. `runOnce` and `stop` wait for the sends too.
 */
export function startQueuePoller<R>(
  dispatch: () => Promise<{ leftBehind: boolean }>,
  lanes: Lanes,
  result: R,
  intervalMs: number,
  onError: (error: unknown) => void,
): Poller<R> {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let leftBehind = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        ({ leftBehind } = await dispatch());
      } while (again && !stopped);
    })()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  lanes.onFree(() => {
    if (leftBehind && !stopped) void run();
  });
  const timer = setInterval(() => {
    if (!stopped) void run();
  }, intervalMs);
  timer.unref();
  return {
    /** Runs until nothing due is left and every send has ended. */
    async runOnce() {
      await run();
      for (;;) {
        await lanes.idle();
        if (running) await running;
        else if (leftBehind && !stopped) await run();
        else if (!lanes.busy) return result;
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await lanes.idle();
    },
  };
}
