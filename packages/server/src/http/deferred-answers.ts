import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** One part of an incremental answer, in the shape @graphql-tools/executor sends. */
export interface Part extends ExecutionResult {
  hasNext?: boolean;
  incremental?: readonly Increment[];
}

/** What a later part adds: a deferred fragment's `data`, or a streamed list's next `items`. */
interface Increment {
  path: readonly (string | number)[];
  data?: Record<string, unknown> | null;
  items?: readonly unknown[];
  errors?: readonly GraphQLError[];
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null;

/** Formats that carry an answer in parts; a client that accepts one of them accepts either form. */
const INCREMENTAL_FORMATS = /multipart\/mixed|text\/event-stream/i;

/**
 * A yoga plugin answering a query that uses `@defer` or `@stream` in one response when every later
 * part is ready by the end of the event loop's turn in which the first is (from a cache, computed
 * without I/O, or already back from the database): the incremental-delivery proposal lets a server
 * deliver deferred data inline, and waiting one turn delays nothing a visitor would see. What
 * still waits on I/O then arrives later, in parts.
 *
 * Why: the widget defers a signed-in visitor's own votes; once they are cached, the incremental
 * answer (the executor's async iteration over the deferred records, yoga's multipart writer with
 * about ten small chunks per part) cost more than the votes themselves: a fifth of the request's
 * throughput (BENCHMARKS.md).
 *
 * Only for a client that accepts an incremental format: one that accepts JSON alone keeps getting
 * 406 for `@defer`, whether or not the parts happen to be ready.
 */
export function useDeferredAnswers(): Plugin {
  return {
    onExecute({ args }) {
      if (!acceptsParts((args.contextValue as { request?: Request }).request)) return;
      return {
        async onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(await settleReadyParts(result));
        },
      };
    },
  };
}

/** Whether the request's client accepts an answer in parts (and so either form). */
export const acceptsParts = (request: Request | undefined): boolean =>
  INCREMENTAL_FORMATS.test(request?.headers.get('accept') ?? '');

/**
 * An execution's result with the parts that are ready by the end of this turn of the event loop
 * merged into one result when that is all of them; otherwise the answer in parts, as it was.
 */
export async function settleReadyParts<R>(result: R): Promise<R | ExecutionResult | AsyncGenerator<Part>> {
  if (!isAsyncIterable(result)) return result;
  const iterator = (result as AsyncIterable<Part>)[Symbol.asyncIterator]();
  const turnEnds = nextTurn();
  const parts: Part[] = [];
  for (;;) {
    const next = iterator.next();
    // A part that fails (the client went away) is left for the answer in parts to report.
    const settled = await Promise.race([next, turnEnds]).catch(() => undefined);
    if (settled === undefined) return replay(parts, iterator, next);
    if (settled.done) break;
    parts.push(settled.value);
  }
  return inlineParts(parts) ?? replay(parts, iterator);
}

/**
 * An execution's result with every part merged into one, however long the later ones take: for an
 * answer that is kept for later requests (http/response-cache.ts), where one request waiting for
 * the viewer's deferred fields (a few milliseconds) spares every later one the whole execution.
 * Where the parts cannot be merged, the answer in parts, as it came.
 */
export async function settleAllParts<R>(result: R): Promise<R | ExecutionResult | AsyncGenerator<Part>> {
  if (!isAsyncIterable(result)) return result;
  const parts: Part[] = [];
  for await (const part of result as AsyncIterable<Part>) parts.push(part);
  return inlineParts(parts) ?? replay(parts, nothingMore());
}

async function* nothingMore(): AsyncGenerator<Part> {}

/**
 * The parts as one result, or undefined if a later part points where the first has nothing (the
 * executor drops those itself, so this is a safeguard, not a path any query is known to take).
 * Builds on the first part's data (tests read a multipart answer through it too).
 */
export function inlineParts([first, ...later]: Part[]): ExecutionResult | undefined {
  if (!first || !isTree(first.data)) return undefined;
  const errors = [...(first.errors ?? [])];
  for (const part of later) {
    for (const increment of part.incremental ?? []) {
      if (!apply(first.data, increment)) return undefined;
      errors.push(...(increment.errors ?? []));
    }
  }
  return {
    data: first.data,
    ...(errors.length > 0 ? { errors } : {}),
    ...(first.extensions ? { extensions: first.extensions } : {}),
  };
}

/** Puts a later part's data where it belongs in the first part's data. */
function apply(data: Tree, { path, data: deferred, items }: Increment): boolean {
  if (items) {
    const list = at(data, path.slice(0, -1));
    const start = path.at(-1);
    if (!Array.isArray(list) || typeof start !== 'number') return false;
    items.forEach((item, i) => {
      list[start + i] = item;
    });
    return true;
  }
  const target = at(data, path);
  if (!isTree(target)) return false;
  if (deferred) merge(target, deferred);
  return true;
}

function at(data: Tree, path: readonly (string | number)[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (!isTree(node)) return undefined;
    node = node[key as string];
  }
  return node;
}

/** A deferred fragment may select deeper into objects the first part already has: merge, not replace. */
function merge(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isTree(existing) && isTree(value)) merge(existing, value);
    else target[key] = value;
  }
}

/** The answer in parts after all: what was read already, then the rest as it comes. */
async function* replay(
  parts: Part[],
  iterator: AsyncIterator<Part>,
  pending?: Promise<IteratorResult<Part>>,
): AsyncGenerator<Part> {
  try {
    yield* parts;
    for (let next = pending ?? iterator.next(); ; next = iterator.next()) {
      const { done, value } = await next;
      if (done) return;
      yield value;
    }
  } finally {
    await iterator.return?.();
  }
}
