/**
 * Browser-side helpers for the console's component tests: a fresh community on the real server, a
 * staff member signed in (the session cookie set on this page's origin, as in production), and the
 * console mounted at one of its addresses.
 */
import { find, waitFor } from '@rapport/shared/testing/dom.ts';
import { executeServerCommand } from '@web/test-runner-commands';
import '../index.ts';

export { byText, deepText, find, findAll, type, waitFor } from '@rapport/shared/testing/dom.ts';

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

const realFetch = window.fetch;

/**
 * Holds the console's next `times` GraphQL requests whose body names `request` (an operation,
 * e.g. AdminThreadEvents, or a pattern that also looks at the variables) until `release()`: before they are sent, or with their answer already in, to set up the races
 * a slow network makes (an event between a read and the subscription taking hold). `held` counts
 * those held so far (at the `answer` stage, once their answer is in).
 */
export function holdRequests(request: string | RegExp, stage: 'request' | 'answer', times = 1) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const hold = { held: 0, release };
  let taken = 0;
  const previous = window.fetch;
  window.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (taken >= times || !(typeof request === 'string' ? body.includes(request) : request.test(body))) {
      return previous(input, init);
    }
    taken++;
    if (stage === 'request') {
      hold.held++;
      await released;
      return previous(input, init);
    }
    const response = await previous(input, init);
    hold.held++;
    await released;
    return response;
  };
  return hold;
}

/**
 * Reads along the answers to the console's requests naming `operation` (a subscription's stream
 * as it arrives): `saw(text)` resolves once `text` has come in; `started` and `open` count the
 * answers begun and those still streaming.
 */
export function watchAnswers(operation: string) {
  let received = '';
  const counts = { started: 0, open: 0 };
  const waiting = new Set<{ text: string; resolve: () => void }>();
  const previous = window.fetch;
  window.fetch = async (input, init) => {
    const response = await previous(input, init);
    if (typeof init?.body !== 'string' || !init.body.includes(operation) || !response.body) return response;
    const reader = response.clone().body!.pipeThrough(new TextDecoderStream()).getReader();
    counts.started++;
    counts.open++;
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) {
          counts.open--;
          return;
        }
        received += chunk.value;
        for (const w of waiting) {
          if (!received.includes(w.text)) continue;
          waiting.delete(w);
          w.resolve();
        }
      }
    })();
    return response;
  };
  return {
    get started() {
      return counts.started;
    },
    get open() {
      return counts.open;
    },
    saw: (text: string) =>
      received.includes(text) ? Promise.resolve() : new Promise<void>((resolve) => waiting.add({ text, resolve })),
  };
}

/** Removes the console and ends the session between tests. */
export async function cleanup(): Promise<void> {
  window.fetch = realFetch;
  for (const element of document.querySelectorAll('rapport-admin')) element.remove();
  await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { staffSignOut }' }),
  });
  localStorage.clear();
  history.replaceState(null, '', TEST_PAGE);
}
