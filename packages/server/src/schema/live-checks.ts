/**
 * What a live stream does with each event before it is sent: send it, send it as the last, or end
 * the stream without it. A stream outlives the checks made when it opened (a sign-out, a
 * deactivation, a hidden thread), so each event is checked again.
 */
export type Verdict = 'send' | 'last' | 'end';

/**
 * The events of `source` that `decide` lets through, ending (and ending `source`) at the first it
 * refuses or when it fails. Written by hand rather than as an async generator: a generator's
 * `return()` waits for the event it is waiting on, so a closed connection on a quiet thread would
 * keep its subscription until the next event.
 */
export function whileAllowed<T>(
  source: AsyncIterable<T>,
  decide: (event: T) => Promise<Verdict>,
): AsyncIterableIterator<T> {
  const events = source[Symbol.asyncIterator]();
  let state: 'open' | 'closing' | 'ended' = 'open';
  const end = async (): Promise<IteratorResult<T>> => {
    if (state !== 'ended') {
      state = 'ended';
      await events.return?.();
    }
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<T>> {
      if (state !== 'open') return end();
      const result = await events.next();
      if (result.done) {
        state = 'ended';
        return result;
      }
      const verdict = await decide(result.value).catch((): Verdict => 'end');
      if (state !== 'open' || verdict === 'end') return end();
      if (verdict === 'last') state = 'closing';
      return result;
    },
    return: end,
    async throw(error: unknown): Promise<IteratorResult<T>> {
      await end();
      throw error;
    },
  };
}
