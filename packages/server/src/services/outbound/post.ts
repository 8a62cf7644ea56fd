import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertPublicLiteral, type OutboundPolicy, publicOnlyLookup } from './public-address.ts';

/** What came of a POST: the receiver's status, or that it could not be reached. */
export type PostOutcome = { status: number } | { unreachable: true };

/**
 * POSTs a body to a brand's URL under the outbound policy, answering within `timeoutMs`. node:http
 * rather than fetch: it takes a `lookup`, so every address is checked as the connection is made,
 * and it never follows redirects. Why a request failed (refused, timed out, not public, a bad
 * certificate) is not told: the delivery log would map the brand's network for a manager.
 */
export function postOutbound(
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
  policy: OutboundPolicy,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
      assertPublicLiteral(target, policy);
    } catch {
      resolve({ unreachable: true });
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : null;
    if (!send) {
      resolve({ unreachable: true });
      return;
    }
    const body = Buffer.from(init.body);
    const req = send(target, {
      method: 'POST',
      headers: { ...init.headers, 'content-length': String(body.length) },
      lookup: publicOnlyLookup(policy),
      signal: AbortSignal.timeout(init.timeoutMs),
      // One connection per delivery: a kept-alive socket would skip the next lookup's check.
      agent: false,
    });
    req.on('response', (res) => {
      // The answer's body is not read: the status is all that counts.
      res.destroy();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', () => resolve({ unreachable: true }));
    req.end(body);
  });
}
