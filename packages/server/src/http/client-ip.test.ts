import type { IncomingMessage } from 'node:http';
import { expect, it } from 'vitest';
import { clientIp } from './client-ip.ts';

const request = (peer: string, forwarded?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as IncomingMessage;

it('uses the socket peer unless proxies are trusted', () => {
  expect(clientIp(request('10.0.0.1', '6.6.6.6'), 0)).toBe('10.0.0.1');
});

it('takes the address the trusted proxies saw, not what the client claims', () => {
  // client forged "6.6.6.6"; the real client 1.2.3.4 reached the load balancer, which added it.
  expect(clientIp(request('10.0.0.1', '6.6.6.6, 1.2.3.4'), 1)).toBe('1.2.3.4');
  expect(clientIp(request('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.9'), 2)).toBe('1.2.3.4');
  expect(clientIp(request('10.0.0.1'), 1)).toBe('10.0.0.1');
});
