import type { Em } from '../db/orm.ts';
import { SESSION_COOKIE } from '../schema/viewer.ts';
import type { Actor } from '../services/actor.ts';
import { AppError } from '../services/errors.ts';
import type { EventBus } from '../services/events.ts';
import { actorFromBearer, actorFromSession } from '../services/identity.ts';

/**
 * Who a request comes from: a customer's bearer token (SSO or guest) if there is one, else a
 * staff session cookie, else nobody. A bearer token that does not check out is an error, never a
 * silent fall-back to anonymous. `em` is only forked (services/identity.ts).
 */
export async function viewerFromRequest(em: Em, events: EventBus, request: Request): Promise<Actor | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1])
      throw new AppError('UNAUTHENTICATED', { forDevelopers: 'The Authorization header must be "Bearer <token>".' });
    return actorFromBearer(em, events, match[1]);
  }
  const session = await request.cookieStore?.get(SESSION_COOKIE);
  return session?.value ? actorFromSession(em, session.value) : null;
}
