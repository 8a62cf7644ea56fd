import { gql } from '../client/gql.ts';
import type {
  WidgetCommunityQuery,
  WidgetCommunityQueryVariables,
  WidgetSetMyLocaleMutation,
  WidgetSetMyLocaleMutationVariables,
} from '../generated/graphql.ts';

/** The root element's own question: the community's name, which views it has, and who the visitor is. */
export const COMMUNITY = gql<WidgetCommunityQuery, WidgetCommunityQueryVariables>`
  query WidgetCommunity($community: String!) {
    community(slug: $community) {
      id
      name
      roadmapEnabled
      defaultLocale
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
      locale
      unreadNotificationCount
      unreadChangelogCount
      member {
        displayName
      }
    }
  }
`;

/** The language a member's emails are written in: the one the widget shows them. */
export const SET_MY_LOCALE = gql<WidgetSetMyLocaleMutation, WidgetSetMyLocaleMutationVariables>`
  mutation WidgetSetMyLocale($locale: String!) {
    setMyLocale(locale: $locale)
  }
`;
