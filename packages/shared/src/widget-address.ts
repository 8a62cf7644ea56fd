/**
 * Where the widget is, as it lives in the address of the brand's page: one query parameter of its
 * own (`?rapport=thread-<id>`), so a link (shared, or in an email) opens the widget there and the
 * page's own parameters and routing are left alone. The server writes these links in emails; the
 * widget reads and writes them as people move around it.
 */
export const WIDGET_PARAM = 'rapport';
/** What links shared before this address carried (the thread's API id); still read. */
export const LEGACY_THREAD_PARAM = 'rapport-thread';

export type WidgetPlace =
  | { view: 'list' }
  | { view: 'thread'; id: string }
  | { view: 'roadmap' }
  | { view: 'whats-new'; entry?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parameter's value for a place; null for the list (no parameter). */
export function placeValue(place: WidgetPlace): string | null {
  switch (place.view) {
    case 'list':
      return null;
    case 'thread':
      return `thread-${place.id}`;
    case 'roadmap':
      return 'roadmap';
    case 'whats-new':
      return place.entry ? `whats-new-${place.entry}` : 'whats-new';
  }
}

/** The place a parameter's value names, or null for anything else (it is then ignored). */
export function parsePlace(value: string | null): WidgetPlace | null {
  if (!value) return null;
  if (value === 'roadmap') return { view: 'roadmap' };
  if (value === 'whats-new') return { view: 'whats-new' };
  const [, kind, id] = /^(thread|whats-new)-(.+)$/.exec(value) ?? [];
  if (!id || !UUID.test(id)) return null;
  return kind === 'thread' ? { view: 'thread', id: id.toLowerCase() } : { view: 'whats-new', entry: id.toLowerCase() };
}

/** A page's URL with the widget at `place`, its other parameters and fragment untouched. */
export function withPlace(pageUrl: string, place: WidgetPlace): string {
  const url = new URL(pageUrl);
  const value = placeValue(place);
  if (value) url.searchParams.set(WIDGET_PARAM, value);
  else url.searchParams.delete(WIDGET_PARAM);
  return url.href;
}
