import { gql } from '@urql/core';
import type {
  AdminCommunityEventsSubscription,
  AdminCommunityEventsSubscriptionVariables,
  AdminInboxQuery,
  AdminInboxQueryVariables,
} from '../generated/graphql.ts';

/** The inbox, and the live events that keep it current. */

export const INBOX = gql<AdminInboxQuery, AdminInboxQueryVariables>`
  query AdminInbox(
    $community: String!
    $after: String
    $kind: [ThreadKind!]
    $status: [ThreadStatus!]
    $assignedToMe: Boolean
    $mentionsMe: Boolean
  ) {
    community(slug: $community) {
      id
      inbox(first: 30, after: $after, kind: $kind, status: $status, assignedToMe: $assignedToMe, mentionsMe: $mentionsMe) {
        edges {
          node {
            id
            kind
            status
            title
            replyCount
            voteCount
            waitingSince
            author {
              displayName
            }
            assignee {
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export type InboxThread = NonNullable<AdminInboxQuery['community']>['inbox']['edges'][number]['node'];

export const COMMUNITY_EVENTS = gql<AdminCommunityEventsSubscription, AdminCommunityEventsSubscriptionVariables>`
  subscription AdminCommunityEvents($community: String!) {
    communityEvents(community: $community) {
      __typename
    }
  }
`;
