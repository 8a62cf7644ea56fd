import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';

/**
 * The live streams (subscriptions answered as server-sent events) this process has open, so a
 * stopping process can end them: they never finish on their own.
 *
 * Told apart by the answer, not the request: browsers' GraphQL clients (urql) list
 * text/event-stream among the types they accept on every query, and a query answered with JSON
 * must be left to finish — ending it early sends a bare 200 without its CORS headers, which the
 * browser reports as a CORS failure.
 */
export function createLiveStreams() {
  const open = new Set<ServerResponse>();
  return {
    /** A yoga plugin recording every response that streams events. */
    plugin(): Plugin<object, { req: IncomingMessage; res?: ServerResponse }> {
      return {
        onResponse({ response, serverContext }) {
          const res = serverContext?.res;
          if (!res || !response.headers.get('content-type')?.startsWith('text/event-stream')) return;
          open.add(res);
          res.once('close', () => open.delete(res));
        },
      };
    },
    /**
     * Ends every open stream with SSE's reconnect hint: try again in a second (another process,
     * or this one once it is back). Our clients reconnect on any end; others may go by the hint.
     */
    endAll(): void {
      for (const res of open) {
        // One whose headers are still on their way is ended by the next call (after the drain).
        if (!res.headersSent) continue;
        if (!res.writableEnded) res.end('retry: 1000\n\n');
        open.delete(res);
      }
    },
  };
}

export type LiveStreams = ReturnType<typeof createLiveStreams>;
