import {
  LEGACY_THREAD_PARAM,
  parsePlace,
  placeValue,
  WIDGET_PARAM,
  type WidgetPlace,
} from '@rapport/shared/widget-address.ts';
import type { Route } from '../app.ts';

/** The API's id of a row (Pothos relay's global id: base64 of "Type:id"). */
const apiId = (type: string, id: string) => btoa(`${type}:${id}`);
/** The row id inside an API id, or null. */
function rowId(id: string): string | null {
  try {
    return atob(id).split(':')[1] ?? null;
  } catch {
    return null;
  }
}

/** The widget's place in an address: `?rapport=…` (or a link shared before it, `?rapport-thread=`). */
export function routeOfAddress(href = location.href): Route {
  const params = new URL(href).searchParams;
  const place = parsePlace(params.get(WIDGET_PARAM));
  if (place?.view === 'thread') return { name: 'thread', id: apiId('Thread', place.id) };
  if (place?.view === 'roadmap') return { name: 'roadmap' };
  if (place?.view === 'whats-new') {
    return place.entry ? { name: 'whats-new', entry: apiId('ChangelogEntry', place.entry) } : { name: 'whats-new' };
  }
  const legacy = params.get(LEGACY_THREAD_PARAM);
  return legacy ? { name: 'thread', id: legacy } : { name: 'list' };
}

/** Where a route is in the address; null for what has no address of its own (the forms, the account). */
function placeOf(route: Route): WidgetPlace | null {
  switch (route.name) {
    case 'list':
      return { view: 'list' };
    case 'thread': {
      const id = rowId(route.id);
      return id ? { view: 'thread', id } : null;
    }
    case 'roadmap':
      return { view: 'roadmap' };
    case 'whats-new': {
      const entry = route.entry ? rowId(route.entry) : null;
      return entry ? { view: 'whats-new', entry } : { view: 'whats-new' };
    }
    default:
      return null;
  }
}

/** The page's address with the widget at `route` (its own parameter only), or null when it has none. */
export function addressOf(route: Route, href = location.href): string | null {
  const place = placeOf(route);
  if (!place) return null;
  const url = new URL(href);
  const value = placeValue(place);
  if (value) url.searchParams.set(WIDGET_PARAM, value);
  else url.searchParams.delete(WIDGET_PARAM);
  url.searchParams.delete(LEGACY_THREAD_PARAM);
  return url.href;
}

/**
 * Records a move in the page's history, so Back returns to where the visitor was and a reload
 * keeps the view. The page's own history state is kept as it is: its router keeps reading it.
 */
export function pushRoute(route: Route): void {
  const next = addressOf(route);
  if (next && next !== location.href) history.pushState(history.state, '', next);
}
