/**
 * Requests start first come, first served, as many a turn of the event loop as keep the turn near
 * TURN_MS: one at a time for a search on SQLite, dozens of cheap ones.
 *
 * Node's event loop (libuv) accepts one new connection per turn. SQLite's statements run
 * synchronously, so a turn otherwise ran every request whose bytes were in all the way to its
 * answer: under load a turn lasted hundreds of milliseconds, and a visitor's new connection waited
 * seconds to be accepted while open connections were answered again and again. Cheap requests
 * started together in one turn also cost less, on both databases (BENCHMARKS.md, "New
 * connections under load"). PostgreSQL's requests wait on its socket between statements, so
 * their turns stay short and many start together.
 */
export type TakeTurn = () => Promise<void>;

/** About how long a turn may run requests before the loop goes round (and accepts again). */
const TURN_MS = 10;
const MOST_PER_TURN = 64;

export function turnTaking(now = () => performance.now()): TakeTurn {
  const waiting: (() => void)[] = [];
  let turning = false;
  let perTurn = 1;
  let startedAt: number | null = null;
  // Runs in a setImmediate callback: what it schedules runs in the next turn, after that turn's
  // poll phase has accepted a connection and read what came. The time since the last call is how
  // long that turn took, with the work of the requests started then; it runs once more after the
  // last start, to measure that one too.
  const next = () => {
    const at = now();
    if (startedAt !== null) {
      const took = at - startedAt;
      if (took > TURN_MS) perTurn = Math.max(1, perTurn >> 1);
      else if (took < TURN_MS / 2) perTurn = Math.min(MOST_PER_TURN, perTurn + 1);
    }
    const starting = waiting.splice(0, perTurn);
    for (const start of starting) start();
    startedAt = starting.length ? at : null;
    if (starting.length) setImmediate(next);
    else turning = false;
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (turning) return;
      turning = true;
      setImmediate(next);
    });
}
