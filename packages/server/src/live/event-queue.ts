/**
 * An async iterator fed by pushes: what a live subscription reads from. It holds at most `limit`
 * undelivered items (dropping the oldest, so one slow client cannot grow the server's memory) and
 * runs `onClose` exactly once, when the consumer stops, even if it never started reading.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  readonly #items: T[] = [];
  readonly #limit: number;
  readonly #onClose: () => void;
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #closed = false;

  constructor(onClose: () => void, limit = 256) {
    this.#onClose = onClose;
    this.#limit = limit;
  }

  push(item: T): void {
    if (this.#closed) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting({ value: item, done: false });
      return;
    }
    this.#items.push(item);
    if (this.#items.length > this.#limit) this.#items.shift();
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.#closed) {
      this.#closed = true;
      this.#items.length = 0;
      this.#onClose();
      this.#waiting?.({ value: undefined, done: true });
      this.#waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
