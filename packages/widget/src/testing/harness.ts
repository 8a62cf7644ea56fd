/**
 * Browser-side helpers for the component tests: a fresh community on the real server, the widget
 * mounted on the test page, and queries that see through shadow roots as a person sees the page.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import '../index.ts';
import { byText, find, findAll, waitFor } from '@rapport/shared/testing/dom.ts';
import { restoreFetch } from '@rapport/shared/testing/network.ts';
import { LEGACY_THREAD_PARAM, WIDGET_PARAM } from '@rapport/shared/widget-address.ts';

export { byText, deepText, find, findAll, type, waitFor } from '@rapport/shared/testing/dom.ts';
export { comeFrom, holdRequests, watchAnswers } from '@rapport/shared/testing/network.ts';

import type { RapportCommunity } from '../components/rapport-community.ts';

export interface TestCommunity {
  endpoint: string;
  slug: string;
  brand: string;
}

export const server = <T = unknown>(command: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand(`rapport:${command}`, payload) as Promise<T>;

export const newCommunity = () => server<TestCommunity>('community');

/** Mounts `<rapport-community>` for a community and waits until it shows its name. */
export async function mount(
  community: TestCommunity,
  attributes: Record<string, string> = {},
): Promise<RapportCommunity> {
  const element = document.createElement('rapport-community') as RapportCommunity;
  element.setAttribute('community', community.slug);
  element.setAttribute('endpoint', community.endpoint);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await waitFor(() => find(element, 'h2')?.textContent === community.brand, 'the community name');
  return element;
}

/** Removes every mounted widget, forgets guest sessions and puts the page's address back. */
export function cleanup(): void {
  for (const element of document.querySelectorAll('rapport-community')) element.remove();
  localStorage.clear();
  restoreFetch();
  // The widget keeps its place in the address: the next test starts from the list.
  const url = new URL(location.href);
  for (const param of [WIDGET_PARAM, LEGACY_THREAD_PARAM, 'rapport-ref']) url.searchParams.delete(param);
  history.replaceState(null, '', url);
}

/** Opens a thread from the list by its title; resolves with the thread view's heading. */
export async function openThread(widget: Element, title: string): Promise<HTMLElement> {
  const link = await waitFor(
    () => byText(widget, 'rapport-thread-list >> button.title', title),
    `"${title}" in the list`,
  );
  link.click();
  return waitFor(() => find(widget, 'rapport-thread-view >> h2'), 'the thread view');
}

/** Titles of the threads in the list, in order. */
export const listedTitles = (root: Element) =>
  findAll(root, 'rapport-thread-list >> button.title').map((b) => b.textContent?.trim() ?? '');
