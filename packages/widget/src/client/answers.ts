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
  incremental?: {
    path: (string | number)[];
    data?: Record<string, unknown> | null;
    /** A streamed list's next items (@stream), the first at the path's last index. */
    items?: unknown[];
    errors?: GraphQLErrorLike[];
  }[];
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

type Tree = Record<string | number, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null;

/** Puts `from` into `into`, objects merged all the way down (a deferred fragment may add nested fields). */
function deepMerge(into: Tree, from: Tree): void {
  for (const [key, value] of Object.entries(from)) {
    const there = into[key];
    if (isTree(there) && isTree(value) && !Array.isArray(value)) deepMerge(there, value);
    else into[key] = value;
  }
}

/**
 * The result so far with the next part put in: the first part's data, then each later part's
 * deferred fragments merged where they belong and streamed list items appended. A later part
 * with no increments (the last, saying only that nothing more comes) keeps the data as it was.
 */
export function withPart(so: { data?: Tree | null; errors: GraphQLErrorLike[] }, part: Part) {
  const errors = [...so.errors, ...(part.errors ?? [])];
  if (!part.incremental) return { data: 'data' in part ? part.data : so.data, errors };
  const data: Tree | null | undefined = so.data ? structuredClone(so.data) : so.data;
  for (const increment of part.incremental) {
    errors.push(...(increment.errors ?? []));
    const { path, items } = increment;
    // A streamed list's items are at the list's path and the index of the first.
    const at = items ? path.slice(0, -1) : path;
    let target: unknown = data;
    for (const key of at) target = isTree(target) ? target[key] : undefined;
    if (items && Array.isArray(target)) target.splice(Number(path.at(-1)), items.length, ...items);
    else if (isTree(target) && increment.data) deepMerge(target, increment.data);
  }
  return { data, errors };
}
