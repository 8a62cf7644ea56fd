import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The same answer yoga's own limit gives: 413 and REQUEST_ENTITY_TOO_LARGE. When the body was
 * refused part-way, the rest of it is still on its way: the connection closes after the answer,
 * so that the client does not send its next request behind it.
 */
function tooLarge(limit: number, unread = false): GraphQLError {
  return new GraphQLError(`Request body too large: at most ${limit} bytes.`, {
    extensions: {
      http: { status: 413, ...(unread ? { headers: { connection: 'close' } } : {}) },
      code: 'REQUEST_ENTITY_TOO_LARGE',
    },
  });
}

/** The body of a request without a Content-Length (chunked), read up to `limit` bytes. */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > limit) throw tooLarge(limit, true);
    chunks.push(value);
  }
}

/**
 * A yoga plugin refusing request bodies over `limit` bytes with 413 (yoga's `maxRequestBodySize`
 * is turned off in its favour). Yoga's own limit pipes every body through a stream that counts
 * it; for a subscription that pipe's listeners stay on the request for as long as the stream is
 * open (13.5 KB of a live subscriber's 47), and its garbage made every request dearer (the trivial
 * query ran 1.5–2 times faster without it, BENCHMARKS.md). A body with
 * a Content-Length needs no counting: the length is checked up front, and Node's HTTP parser never
 * hands over more than it says. Only a body without one (chunked, which browsers do not send for
 * a GraphQL request) is read here, counted, before the parser sees it.
 *
 * Listed after yoga's request parsers (i.e. among the app's plugins), so it wraps the parser that
 * was chosen for the request.
 */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      // Node's HTTP parser has already refused a malformed Content-Length (or a list of them).
      if (length !== null) {
        if (Number(length) > limit) throw tooLarge(limit);
        return;
      }
      const parse = requestParser;
      const body = request.body;
      if (!parse || !body) return;
      setRequestParser(async () =>
        parse(
          new fetchAPI.Request(request.url, {
            method: request.method,
            headers: request.headers,
            signal: request.signal,
            body: await readAtMost(body, limit),
          }),
        ),
      );
    },
  };
}
