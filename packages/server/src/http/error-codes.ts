import { GraphQLError } from 'graphql';
import { usePayloadFormatter } from 'graphql-yoga';

/** An envelop plugin, as usePayloadFormatter makes one (yoga's own Plugin type is a wider one). */
type EnvelopPlugin = ReturnType<typeof usePayloadFormatter>;

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
 * graphql-armor's block-field-suggestions is not used: it sees only validation, and its pattern
 * misses graphql-js's enum hints ("Did you mean the enum value …?"), in a literal or a variable.
 */
export function useHiddenSuggestions(): EnvelopPlugin {
  const formatter = usePayloadFormatter((result) =>
    result.errors?.some((e) => SUGGESTION.test(e.message))
      ? { ...result, errors: result.errors.map(withoutSuggestion) }
      : false,
  );
  return {
    ...formatter,
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.some((e) => SUGGESTION.test(e.message))) setResult(result.map(withoutSuggestion));
      },
  };
}

/**
 * graphql-js reports bad variables (a string for an Int, an unknown enum value, a missing
 * required input) before any resolver runs, so those errors never pass through maskError and
 * carry no code. This gives them BAD_USER_INPUT, like every other input mistake.
 */
export function useVariableErrorCodes(): EnvelopPlugin {
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
