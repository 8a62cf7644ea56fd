import type { IncomingMessage, ServerResponse } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import { createYoga, type YogaLogger } from 'graphql-yoga';
import { AppError } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import type { Em, Orm } from '../db/em.ts';
import type { LiveStreams } from '../live/live-streams.ts';
import { useSharedLiveStreams } from '../live/shared-live-streams.ts';
import { useSubscriptionMemory } from '../live/subscription-memory.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { Context } from '../schema/context.ts';
import { schema } from '../schema/index.ts';
import { sharedCommunityBySlug } from '../services/communities.ts';
import type { OutboundPolicy } from '../services/outbound/public-address.ts';
import { clientIp } from './client-ip.ts';
import { COMMUNITY_PARAM, type CorsPolicy } from './cors.ts';
import { useDeferredAnswers } from './deferred-answers.ts';
import { useHiddenSuggestions, useVariableErrorCodes } from './error-codes.ts';
import { useErrorLanguage } from './error-language.ts';
import { maskError } from './error-mask.ts';
import { useNoStore } from './no-store.ts';
import { useNoNulCharacters } from './nul-characters.ts';
import { useQueryLimits } from './query-limits.ts';
import { useRequestBodyLimit } from './request-body-limit.ts';
import { useRequestShapeErrors } from './request-shape-errors.ts';
import { useCommunityResponseCache } from './response-cache.ts';
import { callerFromRequest } from './viewer.ts';

export interface GraphQLOptions {
  orm: Orm;
  events: EventBus;
  limiter: Limiter;
  /** Reverse proxies in front, for reading the client's address (config TRUST_PROXY). */
  trustProxy: number;
  cors: CorsPolicy;
  logger: YogaLogger;
  /** Production: no GraphiQL, Secure cookies. */
  production: boolean;
  /** Where subscriptions answered as event streams are recorded, for shutdown to end them. */
  liveStreams: LiveStreams;
  /** Where webhooks may point (config WEBHOOK_ALLOW_PRIVATE). */
  outbound: OutboundPolicy;
  /** The server's public address (config PUBLIC_URL), for links it hands out; never the Host header. */
  publicUrl: () => string;
}

/**
 * Masks an error in an answer yoga does not send itself (shared live events) as yoga masks any
 * other: isDev off, as below, and the original logged whenever it is masked.
 */
const maskAndLog =
  (logger: GraphQLOptions['logger']) =>
  (error: unknown): Error => {
    const masked = maskError(error, 'Unexpected error.', false);
    if (masked !== error) logger.error(error);
    return masked;
  };

/** The GraphQL endpoint: yoga over the Pothos schema, one forked entity manager per request. */
export function createGraphQLHandler({
  orm,
  events,
  limiter,
  trustProxy,
  cors,
  logger,
  production,
  liveStreams,
  outbound,
  publicUrl,
}: GraphQLOptions) {
  return createYoga<{ req: IncomingMessage; res?: ServerResponse }>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: production ? false : { title: 'Rapport GraphQL' },
    logging: logger,
    // isDev off: error details (stacks, original messages) never reach clients.
    maskedErrors: { maskError, isDev: false },
    // Bodies are limited by useRequestBodyLimit, below: yoga's own limit costs every request.
    maxRequestBodySize: false,
    plugins: [
      useNoStore(),
      useCookies(),
      // Cookie-authenticated staff requests cannot be forged by another site's form or image:
      // "simple" requests (no JSON body, no custom header) are refused.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      useRequestShapeErrors(),
      useQueryLimits({ production }),
      // A GraphQL request is small: the longest text anyone may write is 10,000 characters.
      useRequestBodyLimit(256 * 1024),
      useNoNulCharacters(),
      useDeferStream(),
      useCommunityResponseCache(),
      useDeferredAnswers(),
      liveStreams.plugin(),
      useSharedLiveStreams({ maskError: maskAndLog(logger) }),
      useSubscriptionMemory(),
      useVariableErrorCodes(),
      useErrorLanguage(),
      ...(production ? [useHiddenSuggestions()] : []),
    ],
    cors: async (request) => {
      const origin = request.headers.get('origin');
      const community = new URL(request.url).searchParams.get(COMMUNITY_PARAM);
      if (!origin || !(await cors.allows(origin, community))) return false;
      return { origin: [origin], credentials: false, methods: ['GET', 'POST'], maxAge: 600 };
    },
    context: async ({ request, req }) => {
      // The ORM's own manager, which the context and the viewer lookup fork only when they must.
      const rootEm = orm.em as Em;
      const { viewer, apiKey } = await callerFromRequest(rootEm, events, request);
      const ip = clientIp(req, trustProxy);
      if (apiKey) await limiter.check('apiCall', { apiKeyId: apiKey.id, ip });
      const secure = production || new URL(request.url).protocol === 'https:';
      const origin = request.headers.get('origin');
      // A browser request from another site is for the community it named (and CORS granted):
      // it reaches no other, a signed-in viewer's own included.
      const addressed = origin && origin !== cors.own() ? new URL(request.url).searchParams.get(COMMUNITY_PARAM) : null;
      if (addressed && viewer) {
        const community = await sharedCommunityBySlug(rootEm, events, addressed);
        if (community?.id !== viewer.communityId) {
          throw new AppError('FORBIDDEN', {
            forDevelopers: `This request was sent for the community "${addressed}", not yours.`,
          });
        }
      }
      return new Context({
        request,
        addressed,
        rootEm,
        events,
        viewer,
        apiKey,
        ip,
        limiter,
        outbound,
        publicUrl: publicUrl(),
        setCookie: (name, value, options = {}) =>
          void request.cookieStore?.set({
            name,
            value,
            path: '/',
            domain: null,
            httpOnly: true,
            secure,
            sameSite: 'lax',
            expires: options.maxAgeSeconds ? Date.now() + options.maxAgeSeconds * 1000 : null,
          }),
        deleteCookie: (name) => void request.cookieStore?.delete({ name, path: '/' }),
      });
    },
  });
}

export type GraphQLHandler = ReturnType<typeof createGraphQLHandler>;
