import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Limits on the shape of a document. Cost and breadth, which need page sizes, are Pothos's (schema/builder.ts). */
export interface QueryLimitOptions {
  /** Lexical tokens in a document: stops huge documents before they are even parsed. */
  maxTokens?: number;
  /** Aliased fields in an operation, fragments included (a thousand aliases of one field is a classic bomb). */
  maxAliases?: number;
  /** Directives in an operation. */
  maxDirectives?: number;
  /** Levels of nested fields. */
  maxDepth?: number;
  /** Production: no introspection (the schema is published as schema.graphql instead). */
  production?: boolean;
}

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });

/** graphql-armor's rejection, reported as the API's own error (its code and words) instead of armor's. */
const refuse =
  (message: string) =>
  (context: ValidationContext | null): void => {
    context?.reportError(tooComplex(message));
  };

/**
 * A yoga plugin refusing query bombs before any resolver runs: graphql-armor's alias, directive and
 * depth limits, graphql-js's own token limit at parse (armor's token counter wraps the parser's
 * private lexer, and graphql-js has the option built in), and no introspection in production.
 */
export function useQueryLimits({
  maxTokens = 3000,
  maxAliases = 30,
  maxDirectives = 50,
  maxDepth = 14,
  production = false,
}: QueryLimitOptions = {}): Plugin {
  const armor = { exposeLimits: false, propagateOnRejection: false };
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        maxAliasesPlugin({
          ...armor,
          n: maxAliases,
          onReject: [refuse(`The query has more than ${maxAliases} aliases.`)],
        }),
      );
      addPlugin(
        maxDirectivesPlugin({
          ...armor,
          n: maxDirectives,
          onReject: [refuse(`The query has more than ${maxDirectives} directives.`)],
        }),
      );
      addPlugin(
        maxDepthPlugin({
          ...armor,
          n: maxDepth,
          flattenFragments: true,
          onReject: [refuse(`The query is too deep (at most ${maxDepth} levels of fields).`)],
        }),
      );
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /more than \d+ tokens/.test(error.message)) {
            throw tooComplex(`The query is too long (more than ${maxTokens} tokens).`);
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule }) {
      if (production) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
