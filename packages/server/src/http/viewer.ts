import { SESSION_COOKIE } from '../auth/tokens.ts';
import { AppError } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import type { Em } from '../db/em.ts';
import type { Actor } from '../services/actor.ts';
import { type ApiKeyCaller, apiKeyCaller, isApiKeyToken } from '../services/api-keys.ts';
import { actorFromBearer, actorFromSession } from '../services/identity.ts';

/** Who a request comes from: a person (the viewer), or the brand's server with an API key. */
export interface Caller {
  viewer: Actor | null;
  apiKey: ApiKeyCaller | null;
}

/**
 * Who a request comes from: a customer's bearer token (SSO or guest) or a community API key if
 * there is one, else a staff session cookie, else nobody. A bearer token that does not check out
 * is an error, never a silent fall-back to anonymous. `em` is only forked (services/identity.ts).
 * An API key sent by a browser (with an Origin) is refused: it would be the brand's secret, shown
 * to every visitor.
 */
export async function callerFromRequest(em: Em, events: EventBus, request: Request): Promise<Caller> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1])
      throw new AppError('UNAUTHENTICATED', { forDevelopers: 'The Authorization header must be "Bearer <token>".' });
    if (isApiKeyToken(match[1])) {
      if (request.headers.get('origin')) throw new AppError('FORBIDDEN', 'error.apiKey.browser');
      return { viewer: null, apiKey: await apiKeyCaller(em, match[1]) };
    }
    return { viewer: await actorFromBearer(em, events, match[1]), apiKey: null };
  }
  const session = await request.cookieStore?.get(SESSION_COOKIE);
  return { viewer: session?.value ? await actorFromSession(em, session.value) : null, apiKey: null };
}
