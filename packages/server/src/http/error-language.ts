import { SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AppError } from '../core/errors.ts';
import { acceptedLanguages } from '../i18n/accepted-languages.ts';
import { localeOr } from '../i18n/say.ts';
import { appErrorOf } from './error-mask.ts';

/**
 * Says the errors meant for people in the language the request asks for (Accept-Language: the
 * widget and the console send the one they show). Errors are written in English and said again
 * here, once, so services never know who reads them. A live stream's later events carry no such
 * errors: a subscription is refused before its stream starts, in a single result.
 */
export function useErrorLanguage(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      if (Symbol.asyncIterator in result) return;
      const results = Array.isArray(result) ? result : [result];
      if (!results.some((r) => r.errors?.some((e) => appErrorOf(e)))) return;
      const locale = localeOr(...acceptedLanguages(request.headers.get('accept-language') ?? undefined));
      if (locale === SOURCE_LOCALE) return;
      const said = results.map((r): ExecutionResult => ({ ...r, errors: r.errors?.map((e) => sayIn(e, locale)) }));
      setResult(Array.isArray(result) ? said : (said[0] as ExecutionResult));
    },
  };
}

function sayIn(error: GraphQLError, locale: Parameters<AppError['in']>[0]): GraphQLError {
  const original = appErrorOf(error);
  if (!original) return error;
  return new GraphQLError(original.in(locale), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}
