import { gql } from '../client/gql.ts';
import type {
  ThreadSummaryFragment,
  WidgetSearchQuery,
  WidgetSearchQueryVariables,
  WidgetShareCodeMutation,
  WidgetShareCodeMutationVariables,
  WidgetShareVisitMutation,
  WidgetShareVisitMutationVariables,
  WidgetThreadsQuery,
  WidgetThreadsQueryVariables,
  WidgetUnvoteMutation,
  WidgetUnvoteMutationVariables,
  WidgetVoteMutation,
  WidgetVoteMutationVariables,
} from '../generated/graphql.ts';

/** What the list sends (loaded with widget.js): the page of threads, votes and share visits. Each view's documents are in its own file, loaded with it. */

export const THREAD_SUMMARY = gql<ThreadSummaryFragment>`
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

export const THREAD_LIST = gql<WidgetThreadsQuery, WidgetThreadsQueryVariables>`
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

/** The list while words are searched: the most relevant threads first, each with the text that matched. */
export const THREAD_SEARCH = gql<WidgetSearchQuery, WidgetSearchQueryVariables>`
  query WidgetSearch(
    $community: String!
    $first: Int!
    $after: String
    $status: [ThreadStatus!]
    $kind: [ThreadKind!]
    $search: String!
    $signedIn: Boolean!
  ) {
    community(slug: $community) {
      id
      search(query: $search, asTyped: true, first: $first, after: $after, status: $status, kind: $kind) {
        edges {
          node {
            matchedIn
            excerpt {
              text
              match
            }
            thread {
              ...ThreadSummary
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
  ${THREAD_SUMMARY}
`;

export const VOTE = gql<WidgetVoteMutation, WidgetVoteMutationVariables>`
  mutation WidgetVote($id: ID!, $idempotencyKey: String) {
    vote(threadId: $id, idempotencyKey: $idempotencyKey) {
      id
      voteCount
      viewerHasVoted
    }
  }
`;

export const UNVOTE = gql<WidgetUnvoteMutation, WidgetUnvoteMutationVariables>`
  mutation WidgetUnvote($id: ID!, $idempotencyKey: String) {
    unvote(threadId: $id, idempotencyKey: $idempotencyKey) {
      id
      voteCount
      viewerHasVoted
    }
  }
`;

export const SHARE_CODE = gql<WidgetShareCodeMutation, WidgetShareCodeMutationVariables>`
  mutation WidgetShareCode($community: String!) {
    shareCode(community: $community)
  }
`;

export const RECORD_VISIT = gql<WidgetShareVisitMutation, WidgetShareVisitMutationVariables>`
  mutation WidgetShareVisit($community: String!, $code: String!, $visitor: String!, $threadId: ID) {
    recordShareVisit(community: $community, code: $code, visitor: $visitor, threadId: $threadId)
  }
`;

/**
 * One object type for a selection with deferred parts (generated as a union of "arrived" and "not
 * yet"): the deferred fields become optional.
 */
export type WithDeferred<T> = Pick<T, keyof T>;

/** Something customers see only once published: the schema's `publishedAt` is null only for drafts. */
export type Published<T extends { publishedAt: string | null }> = Omit<T, 'publishedAt'> & { publishedAt: string };

/** A thread as lists and the roadmap show it, and a page's place. */
export type ThreadSummary = WithDeferred<ThreadSummaryFragment>;
export type PageInfo = NonNullable<WidgetThreadsQuery['community']>['threads']['pageInfo'];
/** What a search found: a thread, with where and what of it matched. */
export type SearchHit = NonNullable<WidgetSearchQuery['community']>['search']['edges'][number]['node'];
export type { ThreadKind, ThreadOrder, ThreadStatus } from '../generated/graphql.ts';
