import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { ErrorText } from '../core/errors.ts';
import { AttributesError, checkAttributes } from '../core/member-attributes.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../entities/consent-record.ts';
import type { MemberAttributes } from '../entities/index.ts';
import type { MessageId } from '../i18n/say.ts';

/** Tokens longer than this are refused before any parsing. */
export const MAX_SSO_TOKEN_LENGTH = 4096;
/** Allowed difference between the brand's clock and ours when checking `exp`/`nbf`. */
export const CLOCK_SKEW_SECONDS = 60;

export interface SsoClaims {
  sub: string;
  name: string | undefined;
  email: string | undefined;
  avatar: string | undefined;
  /**
   * What the customer agreed to on the brand's own site, if the brand says: purpose → granted,
   * e.g. { "PRODUCT_UPDATES": true } (purposes: THREAD_NOTIFICATIONS, PRODUCT_UPDATES,
   * STAFF_CONTACT). Recorded in the consent ledger (source SSO) when it changes.
   */
  consents: Partial<Record<ConsentPurpose, boolean>> | undefined;
  /**
   * What the brand says about the customer ({ "plan": "pro", "mrr": 990 }), if it says: replaces
   * what was kept at the last sign-in (core/member-attributes.ts has the limits).
   */
  attributes: MemberAttributes | undefined;
  /** The language the brand says the customer reads (a BCP 47 tag, e.g. "de"), if it says. */
  locale: string | undefined;
  /** When the token expires (its `exp`), in ms since the epoch. */
  expiresAt: number;
}

/** A token refused. What it says is for the brand's developers, except where `id` says it for people. */
export class SsoTokenError extends Error {
  readonly id: MessageId | undefined;

  constructor(message: string, id?: MessageId) {
    super(message);
    this.id = id;
  }

  get text(): ErrorText {
    return this.id ?? { forDevelopers: this.message };
  }
}

/** Reads the key id from a token's header without trusting anything else in it. */
export function ssoKeyId(token: string): string {
  if (token.length > MAX_SSO_TOKEN_LENGTH) throw new SsoTokenError('The sign-in token is too long.');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new SsoTokenError('The sign-in token is malformed.');
  }
  if (header.alg !== 'HS256') throw new SsoTokenError('The sign-in token must be signed with HS256.');
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw new SsoTokenError('The sign-in token has no key id (kid) in its header.');
  }
  return header.kid;
}

/** Verifies an HS256 token against one secret and returns its customer claims. */
export async function verifySsoToken(token: string, secret: string): Promise<SsoClaims> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new SsoTokenError('The sign-in token has expired.', 'error.sso.expired');
    if (error instanceof errors.JWTClaimValidationFailed) {
      throw new SsoTokenError(`The sign-in token is missing or has an invalid "${error.claim}" claim.`);
    }
    throw new SsoTokenError('The sign-in token could not be verified.');
  }
  const claim = (name: string): string | undefined => {
    const value = payload[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new SsoTokenError(`The sign-in token's "${name}" claim must be a string.`);
    return value;
  };
  const sub = claim('sub');
  if (!sub || sub.length > 200) throw new SsoTokenError('The sign-in token\'s "sub" claim must be 1–200 characters.');
  return {
    sub,
    name: claim('name'),
    email: claim('email'),
    avatar: claim('avatar'),
    locale: claim('locale'),
    consents: consentsClaim(payload.consents),
    attributes: attributesClaim(payload.attributes),
    expiresAt: (payload.exp as number) * 1000,
  };
}

function attributesClaim(value: unknown): MemberAttributes | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return checkAttributes(value);
  } catch (error) {
    if (error instanceof AttributesError)
      throw new SsoTokenError(`The sign-in token's "attributes" claim ${error.message}.`);
    throw error;
  }
}

function consentsClaim(value: unknown): SsoClaims['consents'] {
  if (value === undefined || value === null) return undefined;
  const entries = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : null;
  if (!entries || entries.some(([k, v]) => !CONSENT_PURPOSES.includes(k as ConsentPurpose) || typeof v !== 'boolean')) {
    throw new SsoTokenError(
      `The sign-in token's "consents" claim must map ${CONSENT_PURPOSES.join(', ')} to true or false.`,
    );
  }
  return Object.fromEntries(entries) as SsoClaims['consents'];
}
