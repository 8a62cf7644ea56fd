import type { AnyVariables, Client, OperationResult, TypedDocumentNode } from '@urql/core';

/**
 * Runs a query whose answer may arrive in parts (@defer, @stream): `onPart` sees every part as it
 * lands, so the first useful paint does not wait for the deferred ones; resolves with the last.
 */
export function queryInParts<Data, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onPart: (result: OperationResult<Data, Variables>) => void,
): Promise<OperationResult<Data, Variables>> {
  // The source ends by itself after the last part; cancelling it then would abort the response
  // stream while it closes.
  return new Promise((resolve) => {
    client.query(document, variables).subscribe((result) => {
      onPart(result);
      if (!result.hasNext) resolve(result);
    });
  });
}
