import { keepSubscribed } from '@rapport/shared/client/live.ts';
import type { App } from '../app.ts';
import { VIEWER_EVENTS } from '../graphql/viewer-events.ts';

export interface ViewerCounts {
  unreadNotificationCount: number;
  unreadChangelogCount: number;
}

/**
 * Keeps a signed-in member's badges current while the widget is open: a notification or a new
 * "What's new" entry shows at once, and after a dropped connection the counts are fetched again
 * (every start of the stream carries them). Returns a function that stops it.
 */
export function listenToViewer(app: App, onCounts: (counts: ViewerCounts) => void): () => void {
  return keepSubscribed<{ viewerEvents: ViewerCounts & { type: string } }>(
    app.client.live(VIEWER_EVENTS, { community: app.community }),
    {
      isStart: (data) => data.viewerEvents.type === 'SUBSCRIBED',
      // Every start of the stream carries the counts as they are: the catch-up is in it.
      onConnected: (_afterGap, data) => onCounts(data.viewerEvents),
      onEvent: (data) => onCounts(data.viewerEvents),
      onDisconnected: () => {},
    },
  );
}
