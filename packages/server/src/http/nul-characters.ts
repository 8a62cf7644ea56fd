import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Whether a request's variables hold a string with a NUL character anywhere inside. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/**
 * A yoga plugin refusing the NUL character (U+0000) anywhere in a request, in the document (raw,
 * or written as the escape \u0000) or in the variables, with BAD_USER_INPUT. No text a person
 * writes contains it, PostgreSQL cannot store it in text, and SQLite ends a statement at it: let
 * through, it would reach the database as an error, not as data (found by http/fuzz.test.ts).
 */
export function useNoNulCharacters(): Plugin {
  return {
    onParams({ params, setResult }) {
      const query = params.query ?? '';
      const inDocument = query.includes('\u0000') || /\\u0000|\\u\{0+\}/i.test(query);
      if (inDocument || holdsNul(params.variables) || holdsNul(params.extensions)) {
        setResult({
          errors: [
            new GraphQLError('The request contains the NUL character (\\u0000), which no text may hold.', {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ],
        });
      }
    },
  };
}
