/**
 * Browser-side helpers for the console's component tests: a fresh community on the real server, a
 * staff member signed in (the session cookie set on this page's origin, as in production), and the
 * console mounted at one of its addresses.
 */
import { find, waitFor } from '@rapport/shared/testing/dom.ts';
import { restoreFetch } from '@rapport/shared/testing/network.ts';
import { executeServerCommand } from '@web/test-runner-commands';
import '../index.ts';

export { byText, deepText, find, findAll, type, waitFor } from '@rapport/shared/testing/dom.ts';
export { holdRequests, watchAnswers } from '@rapport/shared/testing/network.ts';

export interface TestCommunity {
  endpoint: string;
  slug: string;
  brand: string;
}

export type StaffRole = 'staff' | 'manager' | 'agency' | 'owner';

// The test page's own address (the runner's session id is in its query): kept while the console
// moves between its /admin addresses, and restored after each test.
const TEST_PAGE = location.pathname + location.search;

export const server = <T = unknown>(command: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand(`rapport:${command}`, payload) as Promise<T>;

export const newCommunity = () => server<TestCommunity>('community');

/** Posts to this page's /graphql (passed through to Rapport), with the page's cookies. */
export async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const result = await response.json();
  if (result.errors) throw new Error(result.errors[0].message);
  return result.data;
}

export async function signIn(community: TestCommunity, role: StaffRole = 'staff'): Promise<{ name: string }> {
  const account = await server<{ email: string; password: string; name: string }>('staff-account', {
    slug: community.slug,
    role,
  });
  await graphql(
    'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
    {
      c: community.slug,
      e: account.email,
      p: account.password,
    },
  );
  return account;
}

/** Mounts the console at `path` (under /admin) and waits until it has decided who is signed in. */
export async function mountAdmin(path = '/admin'): Promise<HTMLElement> {
  history.replaceState(null, '', `${path}${location.search}`);
  const element = document.createElement('rapport-admin');
  document.body.append(element);
  await waitFor(
    () => find(element, 'main#main') ?? find(element, 'admin-sign-in') ?? find(element, 'admin-set-password'),
    'the console to load',
  );
  return element;
}

/** Removes the console and ends the session between tests. */
export async function cleanup(): Promise<void> {
  restoreFetch();
  for (const element of document.querySelectorAll('rapport-admin')) element.remove();
  await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { staffSignOut }' }),
  });
  localStorage.clear();
  history.replaceState(null, '', TEST_PAGE);
}

/**
 * A customer the brand signs in (with what its token says about them), as their first request
 * would: their member exists afterwards. Returns their SSO token, for further calls.
 */
export async function customer(slug: string, name: string, attributes: Record<string, unknown> = {}): Promise<string> {
  const token = await server<string>('sso-token', { slug, sub: name.toLowerCase(), name, attributes });
  await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { member { id } } }' }),
  });
  return token;
}
