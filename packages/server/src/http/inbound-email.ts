import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashToken } from '../auth/tokens.ts';
import type { EventBus } from '../core/events.ts';
import type { Em, Orm } from '../db/em.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { inboundCommunity } from '../services/communities.ts';
import { MAX_INBOUND_BYTES, receiveReplyEmail } from '../services/mail/inbound.ts';

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** The secret a mail provider sends: `Authorization: Bearer <secret>`, or Basic with it as the password. */
function secretOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (!basic) return null;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) || null;
}

function sameHash(secret: string, storedHash: string | null | undefined): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashToken(secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The body, up to `max` bytes; null when it is longer (the rest is not read). */
async function bodyOf(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * `POST /inbound/email/<community>`: a mail provider's inbound webhook posts a raw RFC 822 message
 * (a member's reply by email) with the community's inbound secret (console: Settings → Emails).
 * Answers 200 with what became of it; a refused message is explained to the member by email.
 */
export function createInboundEmailEndpoint(options: { orm: Orm; events: EventBus; limiter: Limiter }) {
  return async (req: IncomingMessage, res: ServerResponse, slug: string, ip: string): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return json(res, 405, { error: 'Send the message with POST.' });
    }
    const em = options.orm.em.fork() as Em;
    const community = await inboundCommunity(em, slug);
    const secret = secretOf(req);
    // The same answer for a community that does not exist and a wrong secret.
    if (!community || !secret || !sameHash(secret, community.inboundSecretHash)) {
      return json(res, 401, { error: "Wrong or missing secret: send the community's inbound secret." });
    }
    const raw = await bodyOf(req, MAX_INBOUND_BYTES);
    if (!raw) return json(res, 413, { error: `The message is larger than ${MAX_INBOUND_BYTES} bytes.` });
    if (raw.length === 0) return json(res, 400, { error: 'The body must be the raw email (RFC 822).' });
    const result = await receiveReplyEmail(em, options.events, raw, {
      communityId: community.id,
      bounceByEmail: true,
      limit: (memberId) => options.limiter.check('reply', { memberId, ip }),
    });
    return json(res, 200, result);
  };
}
