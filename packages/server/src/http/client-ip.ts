import type { IncomingMessage } from 'node:http';

/**
 * The address a request comes from. Behind `trustProxy` reverse proxies it is the entry that many
 * places from the right of X-Forwarded-For (entries further left were written by the client and
 * prove nothing); with none, the socket's peer.
 */
export function clientIp(req: IncomingMessage, trustProxy: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops[hops.length - trustProxy] ?? hops[0] ?? peer;
}
