import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { assertPublicDestination, isPublicAddress, NotPublicError, publicOnlyLookup } from './public-address.ts';

const notPublic = [
  // IPv4: unspecified, loopback, private, link-local (cloud metadata), carrier-grade NAT,
  // multicast, broadcast, reserved, documentation
  '0.0.0.0',
  '127.0.0.1',
  '127.255.1.2',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.254',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '224.0.0.1',
  '255.255.255.255',
  '240.0.0.1',
  '192.0.2.10',
  // IPv6: unspecified, loopback, IPv4-mapped loopback and private, link-local, unique local,
  // multicast, documentation
  '::',
  '::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  'fe80::1',
  'fd00:ec2::254',
  'fc00::1',
  'ff02::1',
  '2001:db8::1',
  'not an address',
];
const publicOnes = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'];

describe('which addresses are public', () => {
  it.each(notPublic)('%s is not', (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(publicOnes)('%s is', (address) => expect(isPublicAddress(address)).toBe(true));
});

/** A resolver that answers from a table, which a test can change (as DNS rebinding would). */
function resolver(table: Record<string, string[]>) {
  return async (hostname: string): Promise<LookupAddress[]> => {
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('a destination before it is saved', () => {
  const lookup = resolver({
    'hooks.brand.example': ['93.184.216.34', '2606:4700:4700::1111'],
    'internal.brand.example': ['10.0.0.5'],
    'mixed.brand.example': ['93.184.216.34', '127.0.0.1'],
    'six.brand.example': ['::1'],
  });
  const check = (url: string, allowPrivate = false) => assertPublicDestination(new URL(url), { allowPrivate, lookup });

  it('accepts a host that resolves only to public addresses, and a public literal', async () => {
    await expect(check('https://hooks.brand.example/rapport')).resolves.toBeUndefined();
    await expect(check('http://93.184.216.34:8080/')).resolves.toBeUndefined();
    await expect(check('http://[2606:4700:4700::1111]/')).resolves.toBeUndefined();
  });

  it.each([
    'http://internal.brand.example/',
    'http://mixed.brand.example/',
    'http://six.brand.example/',
    'http://127.0.0.1:4000/',
    'http://0.0.0.0/',
    'http://2130706433/', // decimal 127.0.0.1, which URL normalises
    'http://0x7f.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
  ])('refuses %s', async (url) => {
    await expect(check(url)).rejects.toBeInstanceOf(NotPublicError);
  });

  it('passes a host DNS does not know on as the resolver’s error', async () => {
    await expect(check('http://nowhere.brand.example/')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('allows anything when the server allows private addresses', async () => {
    await expect(check('http://127.0.0.1/', true)).resolves.toBeUndefined();
    await expect(check('http://internal.brand.example/', true)).resolves.toBeUndefined();
  });

  it('refuses localhost through the system resolver', async () => {
    await expect(
      assertPublicDestination(new URL('http://localhost:4000/'), { allowPrivate: false }),
    ).rejects.toBeInstanceOf(NotPublicError);
  });
});

describe('the lookup used as the connection is made', () => {
  const call = (lookup: ReturnType<typeof publicOnlyLookup>, hostname: string, options: object) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      lookup?.(hostname, options, (error, address, family) => resolve({ error, address, family })),
    );

  it('answers as DNS does while DNS gives public addresses, and refuses once it gives a private one', async () => {
    const table: Record<string, string[]> = { 'rebind.example': ['93.184.216.34'] };
    const lookup = publicOnlyLookup({ allowPrivate: false, lookup: resolver(table) });
    expect(await call(lookup, 'rebind.example', {})).toMatchObject({
      error: null,
      address: '93.184.216.34',
      family: 4,
    });
    expect((await call(lookup, 'rebind.example', { all: true })).address).toEqual([
      { address: '93.184.216.34', family: 4 },
    ]);
    table['rebind.example'] = ['127.0.0.1'];
    expect((await call(lookup, 'rebind.example', {})).error).toBeInstanceOf(NotPublicError);
    table['rebind.example'] = ['93.184.216.34', '::1'];
    expect((await call(lookup, 'rebind.example', { all: true })).error).toBeInstanceOf(NotPublicError);
  });

  it('is not used at all when private addresses are allowed', () => {
    expect(publicOnlyLookup({ allowPrivate: true })).toBeUndefined();
  });
});
