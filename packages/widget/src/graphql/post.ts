import { gql } from '../client/gql.ts';
import type {
  WidgetJoinThreadMutation,
  WidgetJoinThreadMutationVariables,
  WidgetPostThreadMutation,
  WidgetPostThreadMutationVariables,
  WidgetSimilarThreadsQuery,
  WidgetSimilarThreadsQueryVariables,
} from '../generated/graphql.ts';

/** The new-post form's (loaded with it). */

export const POST_THREAD = gql<WidgetPostThreadMutation, WidgetPostThreadMutationVariables>`
  mutation WidgetPostThread($input: PostThreadInput!) {
    postThread(input: $input) {
      id
    }
  }
`;

export const SIMILAR_THREADS = gql<WidgetSimilarThreadsQuery, WidgetSimilarThreadsQueryVariables>`
  query WidgetSimilarThreads($community: String!, $title: String!, $body: String) {
    community(slug: $community) {
      id
      similarThreads(title: $title, body: $body) {
        id
        title
        status
        voteCount
        viewerIsAuthor
      }
    }
  }
`;

/** "This is it": a vote for the thread and following it, in one request (mutations run in order). */
export const JOIN_THREAD = gql<WidgetJoinThreadMutation, WidgetJoinThreadMutationVariables>`
  mutation WidgetJoinThread($id: ID!, $idempotencyKey: String) {
    vote(threadId: $id, idempotencyKey: $idempotencyKey) {
      id
      voteCount
    }
    follow(threadId: $id) {
      id
    }
  }
`;

/** A thread the post being written may duplicate. */
export type Similar = NonNullable<WidgetSimilarThreadsQuery['community']>['similarThreads'][number];
