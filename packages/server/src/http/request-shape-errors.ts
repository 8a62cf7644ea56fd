import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const errorBody = (message: string, code: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });

/** Whether a client takes a JSON answer (no Accept header takes anything). */
const takesJson = (request: Request) => {
  const accept = request.headers.get('accept');
  return !accept || /application\/(graphql-response\+)?json|\*\/\*/i.test(accept);
};

/**
 * A yoga plugin answering requests whose shape is wrong with a GraphQL error a person can read:
 * GET parameters that are not JSON (`variables=%7Bbad`) are BAD_REQUEST (yoga's parser threw, a
 * 500), and a content type the server does not take (415), which yoga answers with an empty body,
 * gets the error shape whenever the client takes JSON.
 */
export function useRequestShapeErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof GraphQLError) throw error;
          throw new GraphQLError('The request could not be read: its variables or extensions are not valid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status !== 415 || !takesJson(request) || response.headers.get('content-type')) return;
      setResponse(
        new fetchAPI.Response(
          errorBody(
            'Send GraphQL requests as application/json (or application/graphql-response+json), or use GET.',
            'UNSUPPORTED_MEDIA_TYPE',
          ),
          { status: 415, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}
