import { GraphQLError } from 'graphql';
import { usePayloadFormatter } from 'graphql-yoga';

const SUGGESTION = / Did you mean .*$/;

function withoutSuggestion<E extends Error>(error: E): E | GraphQLError {
  if (!(error instanceof GraphQLError) || !SUGGESTION.test(error.message)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}

/**
 * In production, no "Did you mean …?" hints in error messages: with introspection off, they would
 * still map the schema for anyone probing it. Validation errors and execution errors both.
 */
export function useHiddenSuggestions() {
  const formatter = usePayloadFormatter((result) =>
    result.errors?.some((e) => SUGGESTION.test(e.message))
      ? { ...result, errors: result.errors.map(withoutSuggestion) }
      : false,
  );
  return {
    ...formatter,
    onValidate:
      () =>
      ({ result, setResult }: { result: readonly GraphQLError[]; setResult(errors: GraphQLError[]): void }) => {
        if (result.some((e) => SUGGESTION.test(e.message))) setResult(result.map(withoutSuggestion));
      },
  };
}

/**
 * graphql-js reports bad variables (a string for an Int, an unknown enum value, a missing
 * required input) before any resolver runs, so those errors never pass through maskError and
 * carry no code. This gives them BAD_USER_INPUT, like every other input mistake.
 */
export function useVariableErrorCodes() {
  return usePayloadFormatter((result) => {
    if (!result.errors?.some((e) => !e.extensions?.code)) return false;
    return {
      ...result,
      errors: result.errors.map((error) =>
        error.extensions?.code || !error.message.startsWith('Variable "$')
          ? error
          : new GraphQLError(error.message, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              path: error.path,
              extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
            }),
      ),
    };
  });
}
