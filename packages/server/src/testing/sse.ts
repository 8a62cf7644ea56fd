import type { RequestOptions } from './graphql-client.ts';

export interface Subscription<T> {
  /** The next event's payload (waits up to `timeoutMs`). */
  next(timeoutMs?: number): Promise<T>;
  close(): void;
  /**
   * Resolves with the first payload: for `threadEvents` the SubscriptionStartedEvent (or an error,
   * when the subscription was refused).
   */
  ready: Promise<T>;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

/** Splits an SSE byte stream into `{ event, data }` messages. */
async function* sseMessages(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string | undefined; data: string }> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      yield {
        event: lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim(),
        data: lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n'),
      };
    }
  }
}

/**
 * Subscribes over Server-Sent Events exactly as a browser client does (graphql-sse "distinct
 * connections" mode, which yoga speaks): a POST with Accept: text/event-stream, then one
 * `event: next` per result.
 */
export function subscribe<T = any>(endpoint: string, query: string, options: RequestOptions = {}): Subscription<T> {
  const controller = new AbortController();
  const queue: T[] = [];
  const waiters: Waiter<T>[] = [];
  let failure: Error | undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;

  const opened = (async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`subscription failed: HTTP ${response.status}`);
    const body = response.body;
    void (async () => {
      try {
        for await (const message of sseMessages(body)) {
          if (message.event !== 'next' || !message.data) continue;
          const payload = JSON.parse(message.data) as T;
          const waiter = waiters.shift();
          if (waiter) waiter.resolve(payload);
          else queue.push(payload);
        }
        failure = new Error('subscription stream ended');
      } catch (error) {
        failure = controller.signal.aborted ? new Error('subscription closed') : (error as Error);
      }
      for (const waiter of waiters.splice(0)) waiter.reject(failure);
    })();
  })();

  const subscription: Subscription<T> = {
    ready: undefined as unknown as Promise<T>,
    next(timeoutMs = 5000) {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter<T> = {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no subscription event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close() {
      controller.abort();
    },
  };
  subscription.ready = opened.then(() => subscription.next());
  return subscription;
}
