import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { entryOf } from '../core/map-entry.ts';
import type { Actor } from '../services/actor.ts';
import { type CustomerShare, endSubscription, LiveStreamHub, SseTap, type TapViewer } from './live-stream-hub.ts';
import { type AnyoneContext, executedForAnyone, executedForItsViewer, type MaskError } from './shared-execution.ts';
import { nextFrame, SSE_HEADERS } from './sse-frames.ts';

export interface SharedLiveStreamsOptions {
  /** How often a shared stream's subscribers are sent a comment to keep it open (yoga's: 12 s). */
  pingMs?: number;
  /** How an error in a shared event is told to its subscribers (yoga's maskedErrors). */
  maskError: MaskError;
}

/** What this plugin reads from yoga's context: the request, its text, and who is asking. */
interface SharingContext extends Partial<AnyoneContext> {
  request?: object;
  params?: { query?: unknown };
  viewer?: () => Actor | null;
  /** The brand's server calling with an API key (whose answers and checks differ from anyone's). */
  apiKey?: unknown;
  /** A signed-in customer's stream that may be shared, and what to ask before every event (schema/context.ts). */
  customerShare?: () => CustomerShare | null;
}

/** Which shared stream a request belongs to: its operation's document, and a key of the rest. */
interface Share {
  document: DocumentNode;
  key: string;
  args: ExecutionArgs;
}

/**
 * Which subscribers may be sent the same stream: those asking the same operation with the same
 * variables, answered as anyone would be (see the plugin). Null for an operation that may answer
 * in several parts (`@defer`, `@stream`), which is never shared.
 *
 * The operation is told by its document: yoga's parse cache gives every request with the same text
 * the same document. So the key is the operation's name and variables, not the query's text; a
 * document the cache has let go of makes a new one, whose subscribers share among themselves.
 */
function shareOf(args: ExecutionArgs): Share | null {
  const context = args.contextValue as SharingContext | undefined;
  const query = context?.params?.query;
  if (typeof query !== 'string' || /@(defer|stream)\b/.test(query)) return null;
  if (typeof context?.viewer !== 'function' || typeof context.asAnyone !== 'function') return null;
  return {
    document: args.document,
    key: JSON.stringify([args.operationName ?? null, args.variableValues ?? null]),
    args,
  };
}

/**
 * Who a subscriber is on a shared stream: nobody in particular (an anonymous visitor), a
 * signed-in customer of a stream that reads alike for customers, or, for anyone else (staff, an
 * API key, a customer's own events), undefined: they are answered on their own by yoga.
 */
function tapViewerOf(share: Share, maskError: MaskError): TapViewer | null | undefined {
  const context = share.args.contextValue as SharingContext;
  if (context.apiKey) return undefined;
  if (context.viewer?.() === null) return null;
  const customer = context.customerShare?.();
  if (!customer) return undefined;
  return { ...customer, own: executedForItsViewer(share.args, maskError) };
}

/**
 * A yoga plugin: subscribers watching the same thread with the same operation share one live
 * stream. Each request still goes through yoga and every plugin (CORS, CSRF, limits, the
 * subscription's own checks) and is sent its own first event (the start its client catches up
 * from); from then on it is one more tap on a hub that executes each event once, for anyone, frames
 * it once, and writes the frame to every tap. The request's own subscription is ended after its
 * start, and yoga's stream machinery is let go of: a thousand visitors on one thread were 32 KB of
 * heap each, most of it what yoga keeps per stream.
 *
 * Who shares: visitors not signed in, and signed-in customers on a stream that reads alike for
 * them (schema/context.ts `shareWithCustomers`: a thread's events). Each customer's sign-in is
 * checked before every event, and an event whose answer differs for them (their own reply, whose
 * viewer fields say so) is executed again for them alone. Staff and API keys are answered by yoga
 * on their own: what they see differs.
 *
 * Nothing is lost at the switch. A subscriber's start is sent once the hub hears every event (its
 * own start has come): what its client fetches on the start covers whatever the hub did not send
 * it. An event the hub was answering when the subscriber joined may reach it as well; clients take
 * an event about something they already have as a no-op (the widget merges replies by id).
 */
export function useSharedLiveStreams({ pingMs = 12_000, maskError }: SharedLiveStreamsOptions): Plugin {
  const shares = new WeakMap<object, Share>();
  const hubs = new WeakMap<DocumentNode, Map<string, LiveStreamHub>>();

  /** After a subscriber's first result: onto the open hub for its share, or the hub of a new one. */
  function join(share: Share, tap: SseTap, start: Buffer): void {
    const forDocument = entryOf(hubs, share.document, () => new Map());
    const hub = forDocument.get(share.key);
    if (hub?.open) {
      hub.add(tap, start);
      return;
    }
    const created: LiveStreamHub = new LiveStreamHub(executedForAnyone(share.args, maskError), pingMs, () => {
      if (forDocument.get(share.key) === created) forDocument.delete(share.key);
    });
    forDocument.set(share.key, created);
    created.add(tap, start);
  }

  /** The tap a subscriber is sent: its own first result (its start), then the shared stream's. */
  function tapFor(share: Share, viewer: TapViewer | null, results: AsyncIterable<ExecutionResult>): SseTap {
    const tap = new SseTap(viewer ?? undefined);
    const own = results[Symbol.asyncIterator]();
    const stopOwn = () => endSubscription(own);
    tap.once('close', stopOwn);
    own
      .next()
      .then(({ value, done }) => {
        stopOwn();
        if (tap.destroyed) return;
        tap.off('close', stopOwn);
        if (done) tap.complete();
        else join(share, tap, nextFrame(value));
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
      // Known only now: a subscription says while it opens whether customers may share it.
      const viewer = tapViewerOf(share, maskError);
      if (viewer === undefined) return;
      setResultProcessor(
        (results, fetchAPI) =>
          new fetchAPI.Response(
            tapFor(share, viewer, results as AsyncIterable<ExecutionResult>) as unknown as BodyInit,
            {
              status: 200,
              headers: SSE_HEADERS,
            },
          ),
        'text/event-stream',
      );
    },
  };
}
