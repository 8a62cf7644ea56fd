export interface Problem {
  message: string;
  /** The input the server blamed, for showing the message next to it. */
  field?: string;
  code?: string;
  /** CONFLICT: the API id of what this would duplicate (the person's earlier post). */
  existingId?: string;
}

/**
 * What to tell the person about a failed request: the server's own words (they are written for
 * people), or `networkMessage` when it could not be reached or failed unexpectedly.
 */
export function problemOf(
  error: { graphQLErrors: readonly { message: string; extensions?: Record<string, unknown> }[] } | undefined,
  networkMessage: string,
): Problem | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors[0];
  if (first) {
    const { code, field, existingId } = (first.extensions ?? {}) as {
      code?: string;
      field?: string;
      existingId?: string;
    };
    if (code === 'INTERNAL_SERVER_ERROR') return { message: networkMessage, code };
    return { message: first.message, field, code, existingId };
  }
  return { message: networkMessage, code: 'NETWORK' };
}
