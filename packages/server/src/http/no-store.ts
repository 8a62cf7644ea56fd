import type { Plugin } from 'graphql-yoga';

/**
 * Every GraphQL answer is for one viewer (staff data, a member's own notifications, what they
 * voted for): no shared cache (a proxy, a CDN) and no disk cache may keep it.
 */
export function useNoStore(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set('cache-control', 'private, no-store');
    },
  };
}
