import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret (256 bits) with a readable prefix saying what it is for. */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored as their SHA-256: a leaked database does not hand out sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const GUEST_TOKEN_PREFIX = 'rg_';
export const SESSION_TOKEN_PREFIX = 'rs_';
export const API_KEY_PREFIX = 'rk_';

/** The cookie that carries a staff session (set by staffSignIn, read by every request). */
export const SESSION_COOKIE = 'rapport_session';
