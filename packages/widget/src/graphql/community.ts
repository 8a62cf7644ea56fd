import { gql } from '@urql/core';

/** The root element's own question: the community's name, which views it has, and who the visitor is. */
export const COMMUNITY = gql`
  query WidgetCommunity($community: String!) {
    community(slug: $community) {
      id
      name
      roadmapEnabled
      theme(derived: true) {
        property
        value
      }
      changelog(first: 1) {
        edges {
          node {
            id
            publishedAt
          }
        }
      }
    }
    viewer {
      kind
      unreadNotificationCount
      unreadChangelogCount
      member {
        displayName
      }
    }
  }
`;
