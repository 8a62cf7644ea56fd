import { retryTransientExchange } from '@rapport/shared/client/retry.ts';
import { Client, fetchExchange } from '@urql/core';
import { currentLocale } from '../i18n/localize.ts';
import { staleTokenExchange } from './exchanges.ts';
import type { Session } from './session.ts';

/**
 * The widget's GraphQL client: the bearer token is read for every request (so a new guest token
 * takes effect at once), subscriptions go over fetch as Server-Sent Events, and stale tokens are
 * dropped by `staleTokenExchange`. Queries, and mutations sent with an idempotency key, are tried
 * again after a network error or a brief outage (`retryTransientExchange`). No document cache: components keep their own state.
 */
export function createClient(endpoint: string, session: Session, community: string): Client {
  // The community in the address: the server grants this page's origin CORS for it alone.
  const url = new URL(endpoint, location.href);
  url.searchParams.set('community', community);
  return new Client({
    url: url.toString(),
    fetchSubscriptions: true,
    requestPolicy: 'network-only',
    // Always POST with a JSON body: the server refuses "simple" GET requests (CSRF protection),
    // and answers are per viewer, so there is nothing for an HTTP cache to share anyway.
    preferGetMethod: false,
    exchanges: [staleTokenExchange(session), retryTransientExchange(), fetchExchange],
    // The language the widget shows, so the server's messages (errors) come in it too.
    fetchOptions: () => {
      const token = session.token;
      const headers: Record<string, string> = { 'accept-language': currentLocale() };
      if (token) headers.authorization = `Bearer ${token}`;
      return { headers };
    },
  });
}
