import { gql } from '@urql/core';

/** The inbox, and the live events that keep it current. */

export const INBOX = gql`
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

export const COMMUNITY_EVENTS = gql`
  subscription AdminCommunityEvents($community: String!) {
    communityEvents(community: $community) {
      __typename
    }
  }
`;
