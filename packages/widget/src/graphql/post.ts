import { gql } from '@urql/core';

/** The new-post form's (loaded with it). */

export const POST_THREAD = gql`
  mutation WidgetPostThread($input: PostThreadInput!) {
    postThread(input: $input) {
      id
    }
  }
`;

export const SIMILAR_THREADS = gql`
  query WidgetSimilarThreads($community: String!, $title: String!, $body: String) {
    community(slug: $community) {
      id
      similarThreads(title: $title, body: $body) {
        id
        title
        status
        voteCount
      }
    }
  }
`;

/** "This is it": a vote for the thread and following it, in one request (mutations run in order). */
export const JOIN_THREAD = gql`
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
