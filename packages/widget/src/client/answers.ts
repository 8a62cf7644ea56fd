/**
 * Reading the server's answers: one JSON result, or results as server-sent events (a subscription's
 * events, or a query's parts under @defer, which yoga sends as events too). Written by hand for the
 * widget's size budget (client.ts).
 */

/** One result as the server sends it; a later part of a deferred answer carries `incremental`. */
export interface Part {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorLike[];
  hasNext?: boolean;
  incremental?: { path: (string | number)[]; data?: Record<string, unknown> | null; errors?: GraphQLErrorLike[] }[];
}

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * Calls `onPart` with each result of `response`, and resolves once the answer is complete. An
 * answer that is neither (a proxy's error page) is a network error.
 */
export async function readAnswer(response: Response, onPart: (part: Part) => void): Promise<void> {
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream') && response.body) return readEvents(response.body, onPart);
  const part = (await response.json().catch(() => null)) as Part | null;
  if (!part || (!part.data && !part.errors?.length)) throw new Error(`HTTP ${response.status}`);
  onPart(part);
}

/** Server-sent events as yoga writes them: `event: next` with a result, `event: complete` at the end. */
async function readEvents(body: ReadableStream<Uint8Array>, onPart: (part: Part) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += value;
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const lines = buffered.slice(0, end).split('\n');
      buffered = buffered.slice(end + 2);
      const event = lines
        .find((line) => line.startsWith('event:'))
        ?.slice(6)
        .trim();
      const data = lines
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (event === 'complete') {
        void reader.cancel().catch(() => {});
        return;
      }
      if (event === 'next' && data) onPart(JSON.parse(data) as Part);
    }
  }
}

/** The result so far with a later part put in: a deferred fragment's data merged where it belongs. */
export function withPart(so: { data?: Record<string, unknown> | null; errors: GraphQLErrorLike[] }, part: Part) {
  if (!part.incremental) return { data: part.data, errors: [...(part.errors ?? [])] };
  const data = structuredClone(so.data ?? {});
  const errors = [...so.errors, ...(part.errors ?? [])];
  for (const increment of part.incremental) {
    errors.push(...(increment.errors ?? []));
    let target: unknown = data;
    for (const key of increment.path) target = (target as Record<string | number, unknown> | null)?.[key];
    if (target && typeof target === 'object') Object.assign(target, increment.data);
  }
  return { data, errors };
}
