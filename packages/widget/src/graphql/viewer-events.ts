import { gql } from '@urql/core';

/** A signed-in member's unread counts, live (loaded with client/viewer-live.ts). */
export const VIEWER_EVENTS = gql`
  subscription WidgetViewerEvents($community: String!) {
    viewerEvents(community: $community) {
      type
      unreadNotificationCount
      unreadChangelogCount
    }
  }
`;
