import { gql } from '@urql/core';

/** The root element's own question: the community's name and who the visitor is. */
export const COMMUNITY = gql`
  query WidgetCommunity($community: String!) {
    community(slug: $community) {
      id
      name
      theme {
        property
        value
      }
    }
    viewer {
      kind
      unreadNotificationCount
      member {
        displayName
      }
    }
  }
`;
