import { expect, it } from 'vitest';
import type { SsoClaims } from './sso-token.ts';
import { VerifiedTokens } from './verified-tokens.ts';

const claims = (sub: string, expiresAt: number): SsoClaims => ({
  sub,
  name: undefined,
  email: undefined,
  avatar: undefined,
  consents: undefined,
  attributes: undefined,
  locale: undefined,
  expiresAt,
});

it('gives a verified token back until its expiry, never after', () => {
  let now = 1_000;
  const tokens = new VerifiedTokens({ now: () => now });
  tokens.remember('a', { kid: 'k', secret: 's', claims: claims('ann', 2_000) });
  expect(tokens.get('a')?.claims.sub).toBe('ann');
  now = 1_999;
  expect(tokens.get('a')?.claims.sub).toBe('ann');
  now = 2_000;
  expect(tokens.get('a')).toBeUndefined();
  expect(tokens.size).toBe(0);
  // One already expired is not kept at all.
  tokens.remember('b', { kid: 'k', secret: 's', claims: claims('bob', 1_500) });
  expect(tokens.get('b')).toBeUndefined();
});

it('keeps at most so many, forgetting the least recently verified first', () => {
  const tokens = new VerifiedTokens({ max: 2, now: () => 0 });
  tokens.remember('a', { kid: 'k', secret: 's', claims: claims('ann', 10) });
  tokens.remember('b', { kid: 'k', secret: 's', claims: claims('bob', 10) });
  tokens.remember('a', { kid: 'k', secret: 's', claims: claims('ann', 10) });
  tokens.remember('c', { kid: 'k', secret: 's', claims: claims('cy', 10) });
  expect(tokens.size).toBe(2);
  expect(tokens.get('b')).toBeUndefined();
  expect(tokens.get('a')?.claims.sub).toBe('ann');
  expect(tokens.get('c')?.claims.sub).toBe('cy');
});
