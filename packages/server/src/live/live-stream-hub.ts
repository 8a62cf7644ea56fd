import { Readable } from 'node:stream';
import type { ExecutionResult } from 'graphql';
import { COMPLETE, nextFrame, PING } from './sse-frames.ts';

/**
 * How many bytes a subscriber may fall behind (frames its connection has not taken yet) before it
 * is cut off: its client reconnects and catches up, as after any interruption. A thousand replies.
 */
const MAX_BEHIND_BYTES = 1024 * 1024;

/**
 * One subscriber's side of a live stream: the body of its response, which frames are pushed into
 * as they come (a Node Readable, which @whatwg-node/server pipes to the socket as it is).
 */
export class SseTap extends Readable {
  /** Where it is piped: the response, ended with it when the subscriber has to be cut off. */
  #destination: { destroy(): void } | undefined;
  /**
   * Whether its end is pushed: Node's `readableEnded` waits until the reader has taken it, and a
   * push after the end is an error event that, with no listener, would stop the process.
   */
  #completed = false;

  constructor() {
    super();
    this.push(PING);
  }

  override _read(): void {
    // Frames are pushed when they come, not pulled.
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.#destination = destination as unknown as { destroy(): void };
    return super.pipe(destination, options);
  }

  /** Sends a frame, or cuts the subscriber off if it has stopped taking them. */
  send(frame: Buffer): void {
    if (this.destroyed || this.#completed) return;
    if (this.readableLength > MAX_BEHIND_BYTES) this.cutOff();
    else this.push(frame);
  }

  /** Ends the stream as yoga does when a subscription finishes. */
  complete(): void {
    if (this.destroyed || this.#completed) return;
    this.#completed = true;
    this.push(COMPLETE);
    this.push(null);
  }

  /** Ends the connection at once (the subscription failed, or the subscriber fell behind). */
  cutOff(): void {
    this.#destination?.destroy();
    this.destroy();
  }
}

/** Ends a subscription that is no longer read (whatever it answers: nobody is waiting for it). */
export function endSubscription(results: AsyncIterator<unknown>): void {
  Promise.resolve(results.return?.()).catch(() => {});
}

/**
 * One live subscription whose results many subscribers are sent alike: it is read once, each result
 * framed once, and the frame pushed to every subscriber's tap. It ends when its last subscriber
 * has gone (ending the subscription) or when the subscription ends (ending every subscriber's
 * stream, whose clients subscribe again).
 */
export class LiveStreamHub {
  readonly #taps = new Set<SseTap>();
  readonly #results: AsyncIterator<ExecutionResult>;
  readonly #ping: NodeJS.Timeout;
  readonly #onEnd: () => void;
  #open = true;

  /**
   * @param results the subscription, read from now on by the hub alone
   * @param pingMs how often every subscriber is sent a comment, so that proxies keep it open
   * @param onEnd called once, when the hub ends
   */
  constructor(results: AsyncIterator<ExecutionResult>, pingMs: number, onEnd: () => void) {
    this.#results = results;
    this.#onEnd = onEnd;
    this.#ping = setInterval(() => {
      for (const tap of this.#taps) tap.send(PING);
    }, pingMs);
    this.#ping.unref();
    void this.#pump();
  }

  get open(): boolean {
    return this.#open;
  }

  add(tap: SseTap): void {
    if (!this.#open) {
      tap.complete();
      return;
    }
    this.#taps.add(tap);
    tap.once('close', () => {
      this.#taps.delete(tap);
      if (this.#taps.size === 0) this.#end();
    });
  }

  async #pump(): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await this.#results.next();
        if (done) break;
        const frame = nextFrame(value);
        for (const tap of this.#taps) tap.send(frame);
      }
      for (const tap of this.#taps) tap.complete();
    } catch {
      // Yoga masks errors into results: a subscription that throws cannot say why to anyone.
      for (const tap of this.#taps) tap.cutOff();
    } finally {
      this.#end();
    }
  }

  #end(): void {
    if (!this.#open) return;
    this.#open = false;
    clearInterval(this.#ping);
    this.#onEnd();
    endSubscription(this.#results);
  }
}
