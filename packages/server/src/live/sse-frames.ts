import type { ExecutionResult } from 'graphql';

/**
 * Server-sent events as yoga writes them for a subscription (graphql-sse's "distinct connections"
 * mode, which browsers' clients speak), for streams this server writes itself (shared-live-streams.ts).
 */
export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  Connection: 'keep-alive',
  'Cache-Control': 'no-cache',
  'Content-Encoding': 'none',
} as const;

/** A comment: sent first (some browsers wait for a byte before they report the stream open) and to keep it open. */
export const PING = Buffer.from(':\n\n');

/** The end of the stream: the client may subscribe again. */
export const COMPLETE = Buffer.from('event: complete\ndata:\n\n');

/** Error extensions yoga keeps for itself (the HTTP status an error asks for) and never sends. */
const INTERNAL_EXTENSIONS = ['http', 'unexpected'];

/** An error as the client is sent it: without yoga's internal extensions. */
function publicError(error: unknown): unknown {
  const json = ((error as { toJSON?: () => object }).toJSON?.() ?? error) as { extensions?: Record<string, unknown> };
  const extensions = json.extensions;
  if (!extensions || !INTERNAL_EXTENSIONS.some((key) => key in extensions)) return json;
  const kept = Object.fromEntries(Object.entries(extensions).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)));
  return { ...json, extensions: Object.keys(kept).length ? kept : undefined };
}

/** One result of the subscription, as its `next` event. */
export function nextFrame(result: ExecutionResult): Buffer {
  const { errors, extensions, ...rest } = result;
  const { http: _http, ...publicExtensions } = extensions ?? {};
  const json = JSON.stringify({
    ...rest,
    ...(errors?.length ? { errors: errors.map(publicError) } : {}),
    ...(Object.keys(publicExtensions).length ? { extensions: publicExtensions } : {}),
  });
  return Buffer.from(`event: next\ndata: ${json}\n\n`);
}
