import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  executeSubscriptionEvent,
  mapSourceToResponseEvent,
  type ValidatedSubscriptionArgs,
  validateSubscriptionArgs,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Actor } from '../services/actor.ts';
import { entryOf } from '../services/map-entry.ts';
import { serialisedOnce } from './serialised-once.ts';

/** What this plugin reads from yoga's context: the request's text, and who is asking. */
interface SharingContext {
  params?: { query?: unknown };
  viewer?: () => Actor | null;
}

/**
 * Which subscribers get the same answer to an event: none but anonymous visitors (whatever depends
 * on the viewer is then the same for all) asking the same operation with the same variables. Null
 * for any other subscriber, who is answered on their own as before. Operations that may answer in
 * several parts (`@defer`, `@stream`) are never shared: their executor is yoga's own.
 *
 * The operation is told by its document: yoga's parse cache gives every request with the same
 * text the same document. So the key a subscriber keeps is its variables, not the query's text
 * (a kilobyte for each of a thousand subscribers); a document the cache has let go of makes a
 * new one, whose subscribers share among themselves.
 */
function shareKey(args: ExecutionArgs): string | null {
  const context = args.contextValue as SharingContext | undefined;
  const query = context?.params?.query;
  if (typeof query !== 'string' || /@(defer|stream)\b/.test(query)) return null;
  if (typeof context?.viewer !== 'function' || context.viewer() !== null) return null;
  return JSON.stringify([args.operationName ?? null, args.variableValues ?? null]);
}

/**
 * A yoga plugin: one live event reaching many subscribers who cannot be told apart (a thousand
 * visitors reading the same thread) is executed and serialised once for them all, not once per
 * subscriber; each still gets it through their own stream and plugins. The answers are kept with the
 * event (a WeakMap on the event object the event bus hands every local subscriber), so they go when
 * the event does.
 *
 * Answers are shared objects: no later hook may change one in place (yoga's and envelop's hooks
 * replace results rather than edit them).
 */
export function useSharedEventResults(): Plugin {
  type Answer = ReturnType<typeof executeSubscriptionEvent>;
  // Per event, per document, per operation name and variables.
  const answers = new WeakMap<object, WeakMap<DocumentNode, Map<string, Answer>>>();
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const key = shareKey(args);
      if (!key) return;
      const document = args.document;
      const executeShared = (perEvent: ValidatedSubscriptionArgs) => {
        const event = perEvent.rootValue;
        if (typeof event !== 'object' || event === null) return executeSubscriptionEvent(perEvent);
        const forEvent = entryOf(answers, event, () => new WeakMap());
        return entryOf(
          entryOf(forEvent, document, () => new Map()),
          key,
          () => {
            const answer = executeSubscriptionEvent(perEvent);
            return answer instanceof Promise ? answer.then(serialisedOnce) : serialisedOnce(answer);
          },
        );
      };
      setSubscribeFn((subscribeArgs) => {
        const validated = validateSubscriptionArgs(subscribeArgs);
        // Errors in the request itself are for yoga's own executor to word.
        if (!('schema' in validated)) return subscribeFn(subscribeArgs);
        const toResponses = (stream: AsyncIterable<unknown> | ExecutionResult) =>
          Symbol.asyncIterator in stream ? mapSourceToResponseEvent(validated, stream, executeShared) : stream;
        const stream = createSourceEventStream(validated);
        return stream instanceof Promise ? stream.then(toResponses) : toResponses(stream);
      });
    },
  };
}
