import { type ASTVisitor, GraphQLError, NoSchemaIntrospectionCustomRule, parse, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Limits on the shape of a document, beyond depth, breadth and cost (schema/builder.ts). */
export interface QueryLimitOptions {
  /** Lexical tokens in a document: stops huge documents before they are even parsed. */
  maxTokens?: number;
  /** Aliased fields in a document (a thousand aliases of one expensive field is a classic bomb). */
  maxAliases?: number;
  /** Directives in a document. */
  maxDirectives?: number;
  /** Production: no introspection (the schema is published as schema.graphql instead). */
  production?: boolean;
}

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });

function counting(limit: number, what: string, matches: (node: { kind: string; alias?: unknown }) => boolean) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    const visit = (node: { kind: string; alias?: unknown }) => {
      if (matches(node) && ++count === limit + 1) {
        context.reportError(tooComplex(`The query has more than ${limit} ${what}.`));
      }
    };
    return { Field: visit, Directive: visit };
  };
}

/** A yoga plugin: token, alias and directive limits, and no introspection in production. */
export function useQueryLimits({
  maxTokens = 3000,
  maxAliases = 30,
  maxDirectives = 50,
  production = false,
}: QueryLimitOptions = {}): Plugin {
  const aliases = counting(maxAliases, 'aliases', (node) => node.kind === 'Field' && Boolean(node.alias));
  const directives = counting(maxDirectives, 'directives', (node) => node.kind === 'Directive');
  return {
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
      addValidationRule(aliases);
      addValidationRule(directives);
      if (production) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
