import { gql } from '@urql/core';

/** What the list sends (loaded with widget.js): the page of threads, votes and share visits. Each view's documents are in its own file, loaded with it. */

export const THREAD_SUMMARY = gql`
  fragment ThreadSummary on Thread {
    id
    kind
    status
    title
    voteCount
    replyCount
    answeredByStaff
    createdAt
    withdrawnAt
    author {
      displayName
    }
    ... @defer(if: $signedIn) {
      viewerHasVoted
    }
  }
`;

export const THREAD_LIST = gql`
  query WidgetThreads(
    $community: String!
    $first: Int!
    $after: String
    $orderBy: ThreadOrder!
    $status: [ThreadStatus!]
    $kind: [ThreadKind!]
    $search: String
    $signedIn: Boolean!
  ) {
    community(slug: $community) {
      id
      name
      threads(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, search: $search) {
        edges {
          node {
            ...ThreadSummary
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
  ${THREAD_SUMMARY}
`;

export const VOTE = gql`
  mutation WidgetVote($id: ID!, $idempotencyKey: String) {
    vote(threadId: $id, idempotencyKey: $idempotencyKey) {
      id
      voteCount
      viewerHasVoted
    }
  }
`;

export const UNVOTE = gql`
  mutation WidgetUnvote($id: ID!, $idempotencyKey: String) {
    unvote(threadId: $id, idempotencyKey: $idempotencyKey) {
      id
      voteCount
      viewerHasVoted
    }
  }
`;

export const SHARE_CODE = gql`
  mutation WidgetShareCode($community: String!) {
    shareCode(community: $community)
  }
`;

export const RECORD_VISIT = gql`
  mutation WidgetShareVisit($community: String!, $code: String!, $visitor: String!, $threadId: ID) {
    recordShareVisit(community: $community, code: $code, visitor: $visitor, threadId: $threadId)
  }
`;
