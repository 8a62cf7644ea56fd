import { type LookupAddress, type LookupAllOptions, lookup as systemLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where the server may send requests of a brand's choosing (webhooks). By default only to public
 * internet addresses: a manager must not be able to make the server reach its own machine, the
 * private network behind it or the cloud's metadata service. `WEBHOOK_ALLOW_PRIVATE=true` lifts
 * the rule for self-hosted receivers on an internal network (and for tests).
 */
export interface OutboundPolicy {
  allowPrivate: boolean;
  /** Name resolution (the system's by default); tests give a resolver whose answers change. */
  lookup?: ResolveAll;
}

/** Every address a host name resolves to (both families). */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    systemLookup(hostname, { all: true, verbatim: true } satisfies LookupAllOptions, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * A public unicast address, in IPv4 or IPv6: not loopback, private (RFC 1918, unique local),
 * link-local (169.254.169.254, the cloud metadata service, is one), carrier-grade NAT, unspecified,
 * multicast, broadcast or reserved. An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged
 * as the IPv4 address it is. ipaddr.js keeps the IANA special-purpose tables, so they are not
 * copied here.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns an IPv4-mapped IPv6 address into its IPv4 address.
  return ipaddr.process(address).range() === 'unicast';
}

/** A URL whose host is, or resolves to, an address the policy does not allow. */
export class NotPublicError extends Error {
  readonly code = 'ENOTPUBLIC';
  readonly host: string;
  constructor(host: string) {
    super(`${host} is not a public internet address`);
    this.host = host;
  }
}

/** The host of a URL as an address, when it is one (URL keeps IPv6 in brackets). */
const literalAddress = (hostname: string) => {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
};

/**
 * Checks where a URL leads before it is saved: its host must be (or resolve only to) public
 * addresses. A host that resolves to none throws the resolver's error.
 */
export async function assertPublicDestination(url: URL, policy: OutboundPolicy): Promise<void> {
  if (policy.allowPrivate) return;
  const literal = literalAddress(url.hostname);
  const addresses = literal
    ? [literal]
    : (await (policy.lookup ?? systemResolveAll)(url.hostname)).map((a) => a.address);
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) throw new NotPublicError(url.hostname);
}

/**
 * A `lookup` for node:http's request: resolves as the system would, then refuses the connection
 * unless every address is public. Checked here, at connect time, because DNS may answer
 * differently from when the URL was saved (DNS rebinding).
 */
export function publicOnlyLookup(policy: OutboundPolicy): LookupFunction | undefined {
  if (policy.allowPrivate) return undefined;
  const resolveAll = policy.lookup ?? systemResolveAll;
  return (hostname, options, callback) => {
    resolveAll(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = found.filter((a) => family === 0 || a.family === family);
        if (usable.length === 0 || !found.every((a) => isPublicAddress(a.address))) {
          callback(new NotPublicError(hostname), '', 0);
        } else if (options.all) {
          (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, usable);
        } else {
          const [first] = usable as [LookupAddress];
          callback(null, first.address, first.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** Refuses a URL whose host is a literal non-public address (node:http skips `lookup` for those). */
export function assertPublicLiteral(url: URL, policy: OutboundPolicy): void {
  if (policy.allowPrivate) return;
  const literal = literalAddress(url.hostname);
  if (literal && !isPublicAddress(literal)) throw new NotPublicError(url.hostname);
}
