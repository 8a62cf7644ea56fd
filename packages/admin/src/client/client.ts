import { mayRetry } from '@rapport/shared/client/retry.ts';
import { Client, type Exchange, fetchExchange } from '@urql/core';
import { retryExchange } from '@urql/exchange-retry';
import { pipe, tap } from 'wonka';
import { currentLocale } from '../i18n/localize.ts';

/** Tells the shell when the server no longer accepts the session (expired, signed out elsewhere). */
const signedOutExchange =
  (onSignedOut: () => void): Exchange =>
  ({ forward }) =>
  (operations$) =>
    pipe(
      forward(operations$),
      tap((result) => {
        if (
          result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') &&
          result.operation.kind === 'query'
        ) {
          onSignedOut();
        }
      }),
    );

/**
 * The console's GraphQL client: same origin (the session cookie is httpOnly and goes nowhere
 * else), always POST (the server refuses simple GETs), subscriptions over fetch (SSE); reads, and
 * replies sent with an idempotency key, are tried again after a network error or a brief outage.
 */
export function createClient(onSignedOut: () => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchSubscriptions: true,
    requestPolicy: 'network-only',
    exchanges: [
      signedOutExchange(onSignedOut),
      // urql's own: random spacing, and nothing sent again once the screen that asked is gone.
      retryExchange({
        initialDelayMs: 500,
        maxDelayMs: 3500,
        randomDelay: true,
        maxNumberAttempts: 4,
        retryIf: (error, operation) => mayRetry(error, operation),
      }),
      fetchExchange,
    ],
    // The language the console shows, so the server's messages (errors) come in it too.
    fetchOptions: () => ({ headers: { 'accept-language': currentLocale() } }),
  });
}
