/**
 * The console's addresses, under /admin, with the History API: every screen has a URL that can be
 * bookmarked, shared with a colleague, and reached with Back.
 */
export type Route =
  | { name: 'inbox' }
  | { name: 'thread'; id: string }
  | { name: 'members' }
  | { name: 'member'; id: string }
  | { name: 'ambassadors' }
  | { name: 'segments' }
  | { name: 'demand' }
  | { name: 'asks'; id?: string }
  | { name: 'pulse' }
  | { name: 'handovers'; id?: string }
  | { name: 'moderation' }
  | { name: 'staff' }
  | { name: 'settings' }
  | { name: 'audit' }
  | { name: 'whats-new'; id?: string }
  | { name: 'profile' }
  | { name: 'set-password' };

const BASE = '/admin';

export function routeOf(pathname: string): Route {
  const [section, id] = pathname
    .replace(/^\/admin\/?/, '')
    .split('/')
    .map(decodeURIComponent);
  switch (section) {
    case 'threads':
      return id ? { name: 'thread', id } : { name: 'inbox' };
    case 'members':
      return id ? { name: 'member', id } : { name: 'members' };
    case 'handovers':
      return id ? { name: 'handovers', id } : { name: 'handovers' };
    case 'whats-new':
      return id ? { name: 'whats-new', id } : { name: 'whats-new' };
    case 'asks':
      return id ? { name: 'asks', id } : { name: 'asks' };
    case 'ambassadors':
    case 'segments':
    case 'demand':
    case 'pulse':
    case 'moderation':
    case 'staff':
    case 'settings':
    case 'audit':
    case 'profile':
    case 'set-password':
      return { name: section };
    default:
      return { name: 'inbox' };
  }
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'inbox':
      return BASE;
    case 'thread':
      return `${BASE}/threads/${encodeURIComponent(route.id)}`;
    case 'member':
      return `${BASE}/members/${encodeURIComponent(route.id)}`;
    case 'handovers':
      return route.id ? `${BASE}/handovers/${encodeURIComponent(route.id)}` : `${BASE}/handovers`;
    case 'whats-new':
      return route.id ? `${BASE}/whats-new/${encodeURIComponent(route.id)}` : `${BASE}/whats-new`;
    case 'asks':
      return route.id ? `${BASE}/asks/${encodeURIComponent(route.id)}` : `${BASE}/asks`;
    default:
      return `${BASE}/${route.name}`;
  }
}

/** Goes to a screen; the shell listens for `rapport-route` and renders it. */
export function navigate(route: Route): void {
  const path = pathOf(route);
  if (location.pathname !== path) history.pushState(null, '', path);
  window.dispatchEvent(new Event('rapport-route'));
}

/** A click on an <a href> inside the console navigates without reloading the page. */
export function linkHandler(event: MouseEvent): void {
  const anchor = event.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
  if (!anchor || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || anchor.target) return;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(routeOf(url.pathname));
}
