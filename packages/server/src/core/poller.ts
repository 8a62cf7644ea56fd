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
