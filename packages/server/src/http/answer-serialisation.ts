import type { ExecutionResult } from 'graphql';

/**
 * An answer many requests or subscribers are given, serialised once rather than once for each:
 * yoga writes a result with its own `stringify` when it has one (non-enumerable, so not part of
 * the JSON). Serialising the page was a sixth of a cached list's CPU. A result some plugin has
 * changed since is a new object, and is serialised as usual.
 */
export function serialisedOnce<T extends ExecutionResult>(result: T): T {
  let json: string | undefined;
  const stringify = (value: unknown) => {
    if (value !== result) return JSON.stringify(value);
    json ??= JSON.stringify(result);
    return json;
  };
  return Object.defineProperty(result, 'stringify', { value: stringify });
}
