import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** No request needs variables nested deeper; deeper ones are refused before anything walks them. */
const MAX_DEPTH = 64;

/**
 * Whether a request's variables (or extensions) hold a string with a NUL character, or are nested
 * deeper than MAX_DEPTH ('too deep'). Walked with a stack of its own, not by recursion: a body of
 * 20 KB can nest ten thousand levels, which would overflow the call stack.
 */
function inspect(root: unknown): 'nul' | 'too deep' | 'ok' {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul';
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return 'too deep';
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return 'ok';
}

const refusal = (message: string) => ({
  errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })],
});

/**
 * A yoga plugin refusing the NUL character (U+0000) anywhere in a request, in the document (raw,
 * or written as the escape \u0000) or in the variables, with BAD_USER_INPUT. No text a person
 * writes contains it, PostgreSQL cannot store it in text, and SQLite ends a statement at it: let
 * through, it would reach the database as an error, not as data (found by http/fuzz.test.ts).
 * Variables nested absurdly deep are refused the same way. A query that is not a string is left to
 * yoga, which refuses it (400).
 */
export function useNoNulCharacters(): Plugin {
  return {
    onParams({ params, setResult }) {
      const query = typeof params.query === 'string' ? params.query : '';
      if (query.includes('\u0000') || /\\u0000|\\u\{0+\}/i.test(query)) {
        setResult(refusal('The request contains the NUL character (\\u0000), which no text may hold.'));
        return;
      }
      for (const part of [params.variables, params.extensions]) {
        const found = inspect(part);
        if (found === 'nul') {
          setResult(refusal('The request contains the NUL character (\\u0000), which no text may hold.'));
          return;
        }
        if (found === 'too deep') {
          setResult(refusal(`The request's variables are nested too deeply (at most ${MAX_DEPTH} levels).`));
          return;
        }
      }
    },
  };
}
