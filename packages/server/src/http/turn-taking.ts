/**
 * Requests start first come, first served, as many a turn of the event loop as keep the turn near
 * TURN_MS. Node accepts one new connection per turn, and with SQLite (synchronous) a turn ran every
 * ready request to its end, so new connections waited seconds under load (BENCHMARKS.md, "New
 * connections under load").
 */
export interface TurnTaking {
  /** Resolves when this request may start. */
  take(): Promise<void>;
  /** How many requests wait for their turn. */
  waiting(): number;
}

/** About how long a turn may run requests before the loop goes round (and accepts again). */
const TURN_MS = 10;
/** Cheap requests gain little past a few dozen a turn; a bound keeps a misjudged turn short. */
const MOST_PER_TURN = 64;

export function turnTaking(now = () => performance.now()): TurnTaking {
  const queue: (() => void)[] = [];
  let turning = false;
  let perTurn = 1;
  /** How many the last call started, and when (a batch of 0: nothing to measure). */
  let lastBatch = 0;
  let startedAt = 0;
  // A setImmediate callback: the next one runs a turn later, so the time between two is that turn,
  // with the work of the requests started in it (measured once more after the last start).
  const next = () => {
    const at = now();
    if (lastBatch > 0) {
      const took = at - startedAt;
      if (took > TURN_MS) perTurn = Math.max(1, perTurn >> 1);
      // Only a full batch says more could start: a trickle of lone requests must not raise it.
      else if (took < TURN_MS / 2 && lastBatch >= perTurn) perTurn = Math.min(MOST_PER_TURN, perTurn + 1);
    }
    const starting = queue.splice(0, perTurn);
    for (const start of starting) start();
    lastBatch = starting.length;
    startedAt = at;
    if (lastBatch > 0) setImmediate(next);
    else {
      // Idle: the next burst may be of costly requests, so it starts one at a time again.
      turning = false;
      perTurn = 1;
    }
  };
  return {
    take: () =>
      new Promise<void>((resolve) => {
        queue.push(resolve);
        if (turning) return;
        turning = true;
        setImmediate(next);
      }),
    waiting: () => queue.length,
  };
}
