import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { entryOf } from '../core/map-entry.ts';
import type { Actor } from '../services/actor.ts';
import { endSubscription, LiveStreamHub, SseTap } from './live-stream-hub.ts';
import { nextFrame, SSE_HEADERS } from './sse-frames.ts';

export interface SharedLiveStreamsOptions {
  /** How often a shared stream's subscribers are sent a comment to keep it open (yoga's: 12 s). */
  pingMs?: number;
}

/** What this plugin reads from yoga's context: the request, its text, and who is asking. */
interface SharingContext {
  request?: object;
  params?: { query?: unknown };
  viewer?: () => Actor | null;
}

/** Which shared stream a request belongs to: its operation's document, and a key of the rest. */
interface Share {
  document: DocumentNode;
  key: string;
}

/**
 * Which subscribers are sent the same stream: none but anonymous visitors (whatever depends on the
 * viewer is then the same for all) asking the same operation with the same variables. Null for any
 * other subscriber, who is answered on their own by yoga. Operations that may answer in several
 * parts (`@defer`, `@stream`) are never shared.
 *
 * The operation is told by its document: yoga's parse cache gives every request with the same text
 * the same document. So the key is the operation's name and variables, not the query's text; a
 * document the cache has let go of makes a new one, whose subscribers share among themselves.
 */
function shareOf(args: ExecutionArgs): Share | null {
  const context = args.contextValue as SharingContext | undefined;
  const query = context?.params?.query;
  if (typeof query !== 'string' || /@(defer|stream)\b/.test(query)) return null;
  if (typeof context?.viewer !== 'function' || context.viewer() !== null) return null;
  return { document: args.document, key: JSON.stringify([args.operationName ?? null, args.variableValues ?? null]) };
}

/**
 * A yoga plugin: anonymous visitors watching the same thread with the same operation share one
 * live stream. Each request still goes through yoga and every plugin (CORS, CSRF, limits, the
 * subscription's own checks) and is sent its own first event (the start its client catches up
 * from); from then on it is one more tap on a hub that reads the subscription once, frames each
 * result once, and writes the frame to every tap. The request's own subscription, its context
 * and yoga's stream machinery are let go of: a thousand visitors on one thread were 32 KB of heap
 * each, most of it what yoga keeps per stream.
 *
 * Nothing is lost at the switch. The start event is waiting in the request's own subscription when
 * yoga hands it over, and sending it and joining the hub follow without waiting on anything else,
 * so no event arrives in between: what the hub sends after is what came after the start. An event
 * the hub was still answering when the subscriber joined may reach it as well; clients take an
 * event about something they already have as a no-op (the widget merges replies by id).
 */
export function useSharedLiveStreams({ pingMs = 12_000 }: SharedLiveStreamsOptions = {}): Plugin {
  const shares = new WeakMap<object, Share>();
  const hubs = new WeakMap<DocumentNode, Map<string, LiveStreamHub>>();

  /** After a subscriber's first result: onto the open hub for its share, or the hub of a new one. */
  function join(share: Share, own: AsyncIterator<ExecutionResult>, tap: SseTap): void {
    const forDocument = entryOf(hubs, share.document, () => new Map());
    const hub = forDocument.get(share.key);
    if (hub?.open) {
      endSubscription(own);
      hub.add(tap);
      return;
    }
    const created: LiveStreamHub = new LiveStreamHub(own, pingMs, () => {
      if (forDocument.get(share.key) === created) forDocument.delete(share.key);
    });
    forDocument.set(share.key, created);
    created.add(tap);
  }

  /** The tap a subscriber is sent: its own first result (its start), then the shared stream's. */
  function tapFor(share: Share, results: AsyncIterable<ExecutionResult>): SseTap {
    const tap = new SseTap();
    const own = results[Symbol.asyncIterator]();
    const stopOwn = () => endSubscription(own);
    tap.once('close', stopOwn);
    own
      .next()
      .then(({ value, done }) => {
        if (tap.destroyed) return;
        tap.off('close', stopOwn);
        if (done) {
          tap.complete();
          return;
        }
        tap.send(nextFrame(value));
        join(share, own, tap);
      })
      // Nobody can be told why: the subscriber's client reconnects, as after any interruption.
      .catch(() => {
        tap.cutOff();
        stopOwn();
      });
    return tap;
  }

  return {
    onSubscribe({ args }) {
      const share = shareOf(args);
      const request = (args.contextValue as SharingContext | undefined)?.request;
      if (share && request) shares.set(request, share);
    },
    onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
      const share = shares.get(request);
      // A subscription's stream has one processor yoga may choose: server-sent events.
      if (!share || !resultProcessor || !isAsyncIterable(result)) return;
      setResultProcessor(
        (results, fetchAPI) =>
          new fetchAPI.Response(tapFor(share, results as AsyncIterable<ExecutionResult>) as unknown as BodyInit, {
            status: 200,
            headers: SSE_HEADERS,
          }),
        'text/event-stream',
      );
    },
  };
}
