import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { recentTexts } from '../core/document-cache.ts';

/**
 * Where @whatwg-node/node-fetch's Request keeps its body once it has been read: the chunks as they
 * came, the bytes, the text and the parsed JSON (which is yoga's `params` itself, kept by the
 * context anyway).
 */
const BODY_CACHES = ['_chunks', '_buffer', '_text', '_json'] as const;

/** Lets go of a request's body, wherever @whatwg-node/node-fetch keeps it. */
function releaseBody(request: Record<string, unknown>): void {
  // The array of chunks is also held by the listener that filled it, still on the finished stream.
  if (Array.isArray(request._chunks)) request._chunks.length = 0;
  for (const cache of BODY_CACHES) if (cache in request) request[cache] = null;
}

/** How many distinct query texts are remembered for sharing before all are forgotten at once. */
const MAX_TEXTS = 100;

/** What this plugin reads from yoga's context. */
interface RequestContext {
  request?: object;
  /** Node's request (yoga's server context). */
  req?: IncomingMessage;
  params?: { query?: unknown };
}

/**
 * A yoga plugin: a live subscription keeps its request and yoga's context for as long as it is
 * open (hours: a signed-in subscriber's, and the one each shared stream reads,
 * live/shared-live-streams.ts), so it lets go of what only parsing the request needed. Once read,
 * the request held its body as chunks, bytes and text besides the parsed JSON (2.5 KB of the
 * widget's subscription), and the query's text arrives as a new string with every request, so a
 * thousand widgets on one thread held a thousand copies of the same kilobyte: subscribers now
 * share one. A live subscriber went from 37.0 to 32.0 KB of heap (heap snapshots with 10 and
 * 1,000 subscribers).
 *
 * The listener @whatwg-node/node-fetch reads the body with stays on Node's request after the body
 * has ended, and holds the whole fetch Request (its headers, URL, cookies): it is removed too.
 *
 * Only subscriptions: any other request ends in milliseconds, and its body goes with it.
 */
export function useSubscriptionMemory(): Plugin {
  const shared = recentTexts(MAX_TEXTS, (text) => text);
  return {
    onSubscribe({ args }) {
      const context = args.contextValue as RequestContext | undefined;
      const request = context?.request as Record<string, unknown> | undefined;
      // Parsed and validated by now: nothing reads the body again (yoga parses `params.query` once).
      if (request) releaseBody(request);
      // Once the body has ended no more of it comes: the listener that read it has nothing to do.
      if (context?.req?.complete) context.req.removeAllListeners('data');
      const params = context?.params;
      if (params && typeof params.query === 'string') params.query = shared(params.query);
    },
  };
}
