import { Readable } from 'node:stream';
import { COMPLETE, PING } from './sse-frames.ts';

/**
 * How many bytes a subscriber may fall behind (frames its connection has not taken yet) before it
 * is cut off: its client reconnects and catches up, as after any interruption. A thousand replies.
 */
const MAX_BEHIND_BYTES = 1024 * 1024;

/**
 * How many events a signed-in customer's stream may have waiting for their checks or their own
 * answer before it is cut off (yoga keeps up to 256 per subscriber, dropping the oldest).
 */
const MAX_QUEUED = 256;

/** One event of a shared stream: executed once for anyone, and for whom that answer is not theirs. */
export interface SharedEvent {
  /** The event as the subscription's source gave it: executed again for a viewer it differs for. */
  event: unknown;
  /** Its answer for anyone, framed. */
  frame: Buffer;
  /** Whether the member's own answer differs from anyone's (a reply they wrote, for instance). */
  differsFor(memberId: string): boolean;
}

/** Who a signed-in customer on a shared stream is, and what they are asked before every event. */
export interface CustomerShare {
  memberId: string;
  /** False ends their stream (their sign-in no longer holds). */
  recheck(): Promise<boolean>;
}

/** A signed-in customer on a shared stream: what is checked and done for them alone. */
export interface TapViewer extends CustomerShare {
  /** The event executed for them alone, framed: when anyone's answer is not theirs. */
  own(event: unknown): Promise<Buffer>;
}

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
  /** A signed-in viewer's events, each sent once the one before is: they are checked one by one. */
  #queue: Promise<void> = Promise.resolve();
  /** How many of them are still on their way. */
  #queued = 0;

  /** Who is watching, for a signed-in customer (an anonymous visitor has none). */
  readonly viewer: TapViewer | undefined;

  constructor(viewer?: TapViewer) {
    super();
    this.viewer = viewer;
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

  /** Sends an event of a shared stream: anyone's answer, or for a viewer it differs for, their own. */
  deliver(shared: SharedEvent): void {
    const viewer = this.viewer;
    if (!viewer) {
      this.send(shared.frame);
      return;
    }
    this.#after(async () => {
      if (!(await viewer.recheck())) return this.complete();
      this.send(shared.differsFor(viewer.memberId) ? await viewer.own(shared.event) : shared.frame);
    });
  }

  /** Ends the stream as yoga does when a subscription finishes (after what it is still sending). */
  complete(): void {
    if (this.#queued > 0) {
      this.#after(() => this.complete());
      return;
    }
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

  /** Runs `step` once everything queued before it is done; a step that fails cuts the subscriber off. */
  #after(step: () => void | Promise<void>): void {
    if (this.#queued >= MAX_QUEUED) {
      this.cutOff();
      return;
    }
    this.#queued++;
    this.#queue = this.#queue
      .then(() => {
        this.#queued--;
        return step();
      })
      .catch(() => this.cutOff());
  }
}

/** Ends a subscription that is no longer read (whatever it answers: nobody is waiting for it). */
export function endSubscription(results: AsyncIterator<unknown>): void {
  Promise.resolve(results.return?.()).catch(() => {});
}

/**
 * One live subscription whose events many subscribers are sent: it is read once, each event
 * executed and framed once, and the frame pushed to every subscriber's tap (a signed-in customer
 * it differs for is sent their own). Its first event is its start: from then on it hears every
 * event, and each subscriber is sent its own start only then, so that what its client fetches to
 * catch up on covers everything the hub did not send it. It ends when its last subscriber has gone
 * (ending the subscription) or when the subscription ends (ending every subscriber's stream,
 * whose clients subscribe again).
 */
export class LiveStreamHub {
  readonly #taps = new Set<SseTap>();
  /** Subscribers who joined before the subscription started, with their own start. */
  readonly #waiting = new Map<SseTap, Buffer>();
  readonly #events: AsyncIterator<SharedEvent>;
  readonly #ping: NodeJS.Timeout;
  readonly #onEnd: () => void;
  #started = false;
  #open = true;

  /**
   * @param events the subscription, read from now on by the hub alone
   * @param pingMs how often every subscriber is sent a comment, so that proxies keep it open
   * @param onEnd called once, when the hub ends
   */
  constructor(events: AsyncIterator<SharedEvent>, pingMs: number, onEnd: () => void) {
    this.#events = events;
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

  /** Adds a subscriber, sent `start` (its own first event) once the hub's subscription has started. */
  add(tap: SseTap, start: Buffer): void {
    if (!this.#open) {
      tap.complete();
      return;
    }
    if (this.#started) this.#join(tap, start);
    else this.#waiting.set(tap, start);
    tap.once('close', () => {
      this.#taps.delete(tap);
      this.#waiting.delete(tap);
      if (this.#taps.size === 0 && this.#waiting.size === 0) this.#end();
    });
  }

  #join(tap: SseTap, start: Buffer): void {
    tap.send(start);
    this.#taps.add(tap);
  }

  async #pump(): Promise<void> {
    try {
      const first = await this.#events.next();
      if (!first.done) {
        this.#started = true;
        for (const [tap, start] of this.#waiting) this.#join(tap, start);
        this.#waiting.clear();
        for (;;) {
          const { value, done } = await this.#events.next();
          if (done) break;
          for (const tap of this.#taps) tap.deliver(value);
        }
      }
      for (const tap of this.#everyone()) tap.complete();
    } catch {
      // Nobody can be told why: their clients reconnect, as after any interruption.
      for (const tap of this.#everyone()) tap.cutOff();
    } finally {
      this.#end();
    }
  }

  #everyone(): SseTap[] {
    return [...this.#taps, ...this.#waiting.keys()];
  }

  #end(): void {
    if (!this.#open) return;
    this.#open = false;
    clearInterval(this.#ping);
    this.#onEnd();
    endSubscription(this.#events);
  }
}
