import type { Client, TypedDocumentNode } from '@urql/core';
import { onEnd, pipe, subscribe } from 'wonka';

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
export function keepSubscribed<T, V extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<T, V>,
  variables: V,
  handlers: LiveHandlers<T>,
): () => void {
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { unsubscribe(): void } | undefined;

  const connect = (afterGap: boolean) => {
    let ended = false;
    const end = () => {
      if (ended || stopped) return;
      ended = true;
      current?.unsubscribe();
      handlers.onDisconnected();
      const delay = BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)];
      timer = setTimeout(() => connect(true), delay);
    };
    current = pipe(
      client.subscription(document, variables),
      onEnd(end),
      subscribe((result) => {
        if (result.error) return end();
        if (!result.data) return;
        if (handlers.isStart(result.data)) {
          attempt = 0;
          handlers.onConnected(afterGap, result.data);
        } else handlers.onEvent(result.data);
      }),
    );
  };

  connect(false);
  return () => {
    stopped = true;
    clearTimeout(timer);
    current?.unsubscribe();
  };
}
