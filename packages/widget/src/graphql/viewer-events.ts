import { gql } from '../client/gql.ts';
import type { WidgetViewerEventsSubscription, WidgetViewerEventsSubscriptionVariables } from '../generated/graphql.ts';

/** A signed-in member's unread counts, live (loaded with client/viewer-live.ts). */
export const VIEWER_EVENTS = gql<WidgetViewerEventsSubscription, WidgetViewerEventsSubscriptionVariables>`
  subscription WidgetViewerEvents($community: String!) {
    viewerEvents(community: $community) {
      type
      unreadNotificationCount
      unreadChangelogCount
    }
  }
`;
