import {
  createSourceEventStream,
  type ExecutionArgs,
  type ExecutionResult,
  executeSubscriptionEvent,
  type ValidatedSubscriptionArgs,
  validateSubscriptionArgs,
} from 'graphql';
import { isAsyncIterable } from 'graphql-yoga';
import type { SharedEvent } from './live-stream-hub.ts';
import { nextFrame } from './sse-frames.ts';

/** How an error in an event is told to its subscribers (what yoga's maskedErrors does). */
export type MaskError = (error: unknown) => Error;

/**
 * For whom an answer made for anyone (schema/context.ts `asAnyone`) is not their answer: every
 * signed-in viewer, once a field read the viewer; else the authors of the rows whose viewer fields
 * it holds.
 */
export interface ViewerDifferences {
  everyone: boolean;
  authors: Set<string>;
}

/** What this module reads of the context of the request a shared stream is opened for. */
export interface AnyoneContext {
  /** The same request as a visitor not signed in would make it (schema/context.ts). */
  asAnyone(): object & { takeDifferences(): ViewerDifferences };
}

/** A subscription's arguments for executing it with `contextValue` (graphql-js's own validation). */
function validated(args: ExecutionArgs, contextValue: unknown): ValidatedSubscriptionArgs {
  const { schema, document, variableValues, operationName } = args;
  const result = validateSubscriptionArgs({ schema, document, variableValues, operationName, contextValue });
  // The request already passed the same validation in yoga: an error here is a bug.
  if (!('schema' in result)) throw new Error(`The shared subscription is not valid: ${result[0]?.message}`);
  return result;
}

/** An event executed for one context, errors masked as yoga masks them, framed. */
async function framed(args: ValidatedSubscriptionArgs, event: unknown, maskError: MaskError): Promise<Buffer> {
  const result: ExecutionResult = await executeSubscriptionEvent({ ...args, rootValue: event });
  return nextFrame(result.errors?.length ? { ...result, errors: result.errors.map(maskError) as never } : result);
}

/**
 * The subscription of `args` executed for anyone (a visitor not signed in), as an iterator of
 * shared events: each executed once, with what would differ for a signed-in viewer. It goes by
 * graphql-js's subscription steps (public API) rather than through yoga: yoga executes a request,
 * and this stream belongs to no one request. Its `return` ends the subscription at once, even
 * between events (an async generator's would wait for the next).
 */
export function executedForAnyone(args: ExecutionArgs, maskError: MaskError): AsyncIterator<SharedEvent> {
  // Not yoga's context for the request: what yoga or a plugin keeps in it (the request's own
  // caches, its response) belongs to that request alone.
  const anyone = (args.contextValue as AnyoneContext).asAnyone();
  const subscription = validated(args, anyone);
  let ended = false;
  const source: Promise<AsyncIterator<unknown>> = Promise.resolve(createSourceEventStream(subscription)).then(
    (stream) => {
      if (!isAsyncIterable(stream)) {
        throw new Error(`The shared subscription was refused: ${stream.errors?.[0]?.message}`);
      }
      const events = stream[Symbol.asyncIterator]();
      if (ended) void events.return?.();
      return events;
    },
  );
  return {
    async next(): Promise<IteratorResult<SharedEvent>> {
      const next = await (await source).next();
      if (next.done) return { done: true, value: undefined };
      const event = next.value;
      anyone.takeDifferences();
      const frame = await framed(subscription, event, maskError);
      const differences = anyone.takeDifferences();
      return {
        done: false,
        value: { event, frame, differsFor: (member) => differences.everyone || differences.authors.has(member) },
      };
    },
    async return(): Promise<IteratorResult<SharedEvent>> {
      ended = true;
      await source.then((events) => events.return?.()).catch(() => {});
      return { done: true, value: undefined };
    },
  };
}

/** The events of `args`'s subscription executed for its own request alone (a signed-in viewer's). */
export function executedForItsViewer(args: ExecutionArgs, maskError: MaskError): (event: unknown) => Promise<Buffer> {
  const own = validated(args, args.contextValue);
  return (event) => framed(own, event, maskError);
}
