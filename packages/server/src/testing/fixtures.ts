import { encodeGlobalID } from '@pothos/plugin-relay';
import { SignJWT } from 'jose';
import { bindEm } from '../core/scope.ts';
import type { Em } from '../db/em.ts';
import type { Community, StaffMember } from '../entities/index.ts';
import { createCommunity } from '../services/communities.ts';
import { createStaff } from '../services/staff/sessions.ts';
import type { GraphQLClient } from './graphql-client.ts';

export const STAFF_PASSWORD = 'correct horse battery';

export interface TestCommunity {
  community: Community;
  slug: string;
  ssoSecret: string;
  ssoKeyId: string;
  staff: StaffMember;
  manager: StaffMember;
  agency: StaffMember;
  owner: StaffMember;
}

let counter = 0;

/** A community with a staff member, a manager and an agency staff member. */
export async function createTestCommunity(
  em: Em,
  slug = `c${++counter}-${Date.now().toString(36)}`,
): Promise<TestCommunity> {
  const created = await createCommunity(em, { slug, name: `Brand ${slug}`, origins: ['http://brand.example'] });
  const scoped = bindEm(em, created.community.id);
  const make = (name: string, role: string, extra: Record<string, string> = {}) =>
    createStaff(
      scoped,
      created.community.id,
      { email: `${name.toLowerCase()}@${slug}.example`, name, role, password: STAFF_PASSWORD, ...extra },
      null,
    );
  return {
    community: created.community,
    slug,
    ssoSecret: created.ssoSecret,
    ssoKeyId: created.ssoKeyId,
    staff: await make('Sam', 'STAFF', { title: 'Support Lead' }),
    manager: await make('Mia', 'MANAGER', { title: 'Community Manager' }),
    agency: await make('Ari', 'AGENCY', { title: 'Support Agent', agencyName: 'Northwind' }),
    owner: await make('Olive', 'OWNER', { title: 'Head of Community' }),
  };
}

export interface SsoClaimsInput {
  sub: string;
  name?: string;
  email?: string;
  avatar?: string;
  /** The language the brand says the customer reads (a BCP 47 tag). */
  locale?: string;
  /** What the customer agreed to on the brand's site, e.g. { PRODUCT_UPDATES: true }. */
  consents?: unknown;
  /** What the brand says about the customer, e.g. { plan: "enterprise", mrr: 990 }. */
  attributes?: unknown;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

/** A customer token as the brand's server would sign it. */
export function ssoToken(
  community: Pick<TestCommunity, 'ssoSecret' | 'ssoKeyId'>,
  claims: SsoClaimsInput,
): Promise<string> {
  const { expiresIn = 600, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', kid: community.ssoKeyId })
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
    .sign(new TextEncoder().encode(community.ssoSecret));
}

/** Starts a guest session; returns the guest token. */
export async function guestToken(client: GraphQLClient, slug: string, displayName = 'Guest'): Promise<string> {
  const data = await client.data<{ startGuestSession: { token: string } }>(
    'mutation ($c: String!, $n: String!) { startGuestSession(community: $c, displayName: $n) { token } }',
    { variables: { c: slug, n: displayName } },
  );
  return data.startGuestSession.token;
}

/** Signs a staff member in; the client keeps the session cookie. */
export async function signInStaff(client: GraphQLClient, slug: string, staff: StaffMember): Promise<void> {
  await client.data(
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
    { variables: { c: slug, e: staff.email, p: STAFF_PASSWORD } },
  );
}

/** Posts a thread through the API; returns its global id. */
export async function postThread(
  client: GraphQLClient,
  token: string | undefined,
  input: { kind?: string; title: string; body?: string },
): Promise<string> {
  const data = await client.data<{ postThread: { id: string } }>(
    'mutation ($input: PostThreadInput!) { postThread(input: $input) { id } }',
    { token, variables: { input: { kind: 'IDEA', ...input } } },
  );
  return data.postThread.id;
}

/** The GraphQL global id of a row (what the API takes and hands out). */
export const globalId = (type: string, id: string) => encodeGlobalID(type, id);

/** The row id inside a GraphQL global id (for checking rows directly). */
export function rawId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';
}

/** Find options for checking rows across communities, outside any request. */
export const ALL_COMMUNITIES = { filters: { tenant: false } } as const;
