import { gql } from '@urql/core';

/** The new-post form's (loaded with it). */

export const POST_THREAD = gql`
  mutation WidgetPostThread($input: PostThreadInput!) {
    postThread(input: $input) {
      id
    }
  }
`;
