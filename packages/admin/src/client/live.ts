import type { Subscribe } from '@rapport/shared/client/live.ts';
import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import { onEnd, pipe, subscribe } from 'wonka';

/** A subscription through the console's urql client, as shared/client/live.ts keeps one open. */
export function liveOf<T, V extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<T, V>,
  variables: V,
): Subscribe<T> {
  return (sink) => {
    const subscription = pipe(
      client.subscription(document, variables),
      onEnd(() => sink.end()),
      subscribe((result) => sink.next(result)),
    );
    return () => subscription.unsubscribe();
  };
}
