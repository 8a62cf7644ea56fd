import type { Subscribe } from '@rapport/shared/client/live.ts';
import { carriesIdempotencyKey, isTransient, PAUSES_MS, retryPause } from '@rapport/shared/client/retry-policy.ts';
import { currentLocale } from '../i18n/localize.ts';
import { type GraphQLErrorLike, type Part, readAnswer, withPart } from './answers.ts';
import type { Doc } from './gql.ts';
import type { Session } from './session.ts';

/** Why a request failed: the server's errors, or the network's (the server could not be reached). */
export interface RequestError {
  message: string;
  graphQLErrors: GraphQLErrorLike[];
  networkError?: unknown;
}

export interface Result<Data> {
  data?: Data | null;
  error?: RequestError;
}

/**
 * The widget's GraphQL client. Written by hand for the widget's size budget: urql, its parser
 * and its streams were 43 % of what the page loaded at start (BENCHMARKS.md), for what this does:
 * - a document is sent as its text, always by POST with a JSON body (the server refuses "simple"
 *   requests, CSRF), with the language the widget shows (the server's messages come in it too);
 * - the bearer token is read for every request, so a new guest token takes effect at once;
 * - a token the server refuses (a guest token of a reset server, an expired SSO token) is
 *   forgotten: a query or subscription is sent again without it, so reading never breaks over a
 *   stale token, and a mutation's refusal is passed on (the person is asked to join again);
 * - queries, and mutations sent with an idempotency key, are tried again after a network error or
 *   a brief outage, up to four attempts (shared/client/retry-policy.ts); subscriptions reconnect on
 *   their own terms (shared/client/live.ts);
 * - an answer in parts (@defer) is reported part by part, each merged into the one before;
 * - a query can be sent ahead (`prefetch`), for a component that will ask for it once drawn: the
 *   first same query (text, variables and token) asked while it is on its way takes its answer,
 *   parts included. No other query is ever shared (a read asked again wants what is there now),
 *   nor one sent ahead across a mutation (the read after it must see what it changed).
 * No document cache: components keep their own state.
 */
export interface Client {
  /** Resolves with the whole answer; `onPart` sees each part of one sent in parts as it lands. */
  query<Data, Variables>(
    document: Doc<Data, Variables>,
    variables: Variables,
    onPart?: (result: Result<Data>) => void,
  ): Promise<Result<Data>>;
  /** Sends a query ahead: the first same `query` asked while it is on its way takes its answer. */
  prefetch<Data, Variables>(document: Doc<Data, Variables>, variables: Variables): void;
  mutation<Data, Variables>(document: Doc<Data, Variables>, variables: Variables): Promise<Result<Data>>;
  /** A subscription, for keepSubscribed. */
  live<Data, Variables>(document: Doc<Data, Variables>, variables: Variables): Subscribe<Data>;
}

const refused = (error: RequestError | undefined) =>
  error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;

const failure = (graphQLErrors: GraphQLErrorLike[], networkError?: unknown): RequestError => ({
  message: graphQLErrors[0]?.message ?? String((networkError as Error | undefined)?.message ?? networkError),
  graphQLErrors,
  networkError,
});

export function createClient(endpoint: string, session: Session, community: string): Client {
  // The community in the address: the server grants this page's origin CORS for it alone.
  const url = new URL(endpoint, location.href);
  url.searchParams.set('community', community);

  /** One exchange with the server: each result as it comes (merged with the parts before it). */
  async function exchange(
    document: Doc,
    variables: unknown,
    onResult: (result: Result<unknown>) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json, text/event-stream',
      'accept-language': currentLocale(),
    };
    const token = session.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let so: { data?: Record<string, unknown> | null; errors: GraphQLErrorLike[] } = { errors: [] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: String(document), variables }),
        signal,
      });
      await readAnswer(response, (part: Part) => {
        so = withPart(so, part);
        onResult({ data: so.data, error: so.errors.length ? failure(so.errors) : undefined });
      });
    } catch (networkError) {
      if (!signal?.aborted) onResult({ data: so.data, error: failure([], networkError) });
    }
  }

  /**
   * Whether `result` refuses the token it was sent with, which is then forgotten. Only if it is
   * still the session's: requests sent together are all refused, and the second refusal must not
   * end what the first left (a customer's guest token, kept for bringing their activity over).
   */
  const refusedToken = (result: Result<unknown>, sent: string | null) => {
    if (!sent || !refused(result.error)) return false;
    if (session.token === sent) session.expire();
    return true;
  };

  /** A query or mutation, tried again while it may be, sent again without a refused token. */
  async function request<Data>(
    kind: 'query' | 'mutation',
    document: Doc,
    variables: unknown,
    onPart?: (result: Result<Data>) => void,
  ): Promise<Result<Data>> {
    const mayRetry = kind === 'query' || carriesIdempotencyKey(variables);
    for (let attempt = 0; ; ) {
      const sent = session.token;
      let last: Result<Data> = {};
      await exchange(document, variables, (result) => {
        last = result as Result<Data>;
        if (!sent || !refused(last.error)) onPart?.(last);
      });
      if (refusedToken(last, sent)) {
        if (kind === 'query') continue;
        return last;
      }
      const error = last.error;
      if (!error || !mayRetry || attempt >= PAUSES_MS.length || !isTransient(error)) return last;
      await new Promise((resolve) => setTimeout(resolve, retryPause(attempt++)));
    }
  }

  interface SentAhead {
    latest?: Result<unknown>;
    onPart?: (result: Result<unknown>) => void;
    done: Promise<Result<unknown>>;
  }
  const sentAhead = new Map<string, SentAhead>();
  const keyOf = (document: Doc, variables: unknown) =>
    `${session.token}\n${String(document)}\n${JSON.stringify(variables)}`;

  function prefetch(document: Doc, variables: unknown): void {
    const key = keyOf(document, variables);
    const ahead: SentAhead = { done: Promise.resolve({}) };
    ahead.done = request('query', document, variables, (part) => {
      ahead.latest = part;
      ahead.onPart?.(part);
    }).finally(() => {
      if (sentAhead.get(key) === ahead) sentAhead.delete(key);
    });
    sentAhead.set(key, ahead);
  }

  /** A query: the answer of the same one sent ahead and still on its way, else its own. */
  function query<Data>(document: Doc, variables: unknown, onPart?: (result: Result<Data>) => void) {
    const key = keyOf(document, variables);
    const ahead = sentAhead.get(key);
    if (!ahead) return request('query', document, variables, onPart);
    sentAhead.delete(key);
    if (onPart) {
      ahead.onPart = onPart as (result: Result<unknown>) => void;
      if (ahead.latest) ahead.onPart(ahead.latest);
    }
    return ahead.done as Promise<Result<Data>>;
  }

  return {
    query,
    prefetch,
    mutation: (document, variables) => {
      sentAhead.clear();
      return request('mutation', document, variables);
    },
    live: (document, variables) => (sink) => {
      const stop = new AbortController();
      const open = () => {
        const sent = session.token;
        let again = false;
        void exchange(
          document,
          variables,
          (result) => {
            if (stop.signal.aborted || again) return;
            if (refusedToken(result, sent)) again = true;
            else sink.next(result as Result<never>);
          },
          stop.signal,
        ).then(() => {
          if (stop.signal.aborted) return;
          if (again) open();
          else sink.end();
        });
      };
      open();
      return () => stop.abort();
    },
  };
}
