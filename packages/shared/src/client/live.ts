/** What a live stream is sent: each result as it comes, then its end (however it ended). */
export interface LiveSink<T> {
  next(result: { data?: T | null; error?: unknown }): void;
  end(): void;
}

/**
 * A subscription, opened anew on every call: it reports to `sink` until the function it returns
 * stops it (after which it reports nothing more). The console makes one of urql's, the widget of
 * its own client's.
 */
export type Subscribe<T> = (sink: LiveSink<T>) => () => void;

export interface LiveHandlers<T> {
  /**
   * The first event of a stream: the subscription is in place. Catch up now on what happened
   * before it took hold (`afterGap`: while the connection was lost, too).
   */
  isStart(data: T): boolean;
  /** `data`: the start event itself (it may carry state to begin from). */
  onConnected(afterGap: boolean, data: T): void;
  onEvent(data: T): void;
  onDisconnected(): void;
}

const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Keeps a subscription alive: when the stream ends or fails (a network drop, a server restart or
 * deploy), it subscribes again after a growing pause, and reports each new start so the caller
 * can refetch what it missed. Returns a function that stops it.
 */
export function keepSubscribed<T>(subscribe: Subscribe<T>, handlers: LiveHandlers<T>): () => void {
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: (() => void) | undefined;

  const connect = (afterGap: boolean) => {
    let ended = false;
    const end = () => {
      if (ended || stopped) return;
      ended = true;
      current?.();
      handlers.onDisconnected();
      const delay = BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)];
      timer = setTimeout(() => connect(true), delay);
    };
    current = subscribe({
      end,
      next: (result) => {
        if (result.error) return end();
        if (!result.data) return;
        if (handlers.isStart(result.data)) {
          attempt = 0;
          handlers.onConnected(afterGap, result.data);
        } else handlers.onEvent(result.data);
      },
    });
  };

  connect(false);
  return () => {
    stopped = true;
    clearTimeout(timer);
    current?.();
  };
}
