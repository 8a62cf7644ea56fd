import { gql } from '@urql/core';

/** Who wrote something, as the console shows them. */

export const AUTHOR = gql`
  fragment AdminAuthor on Author {
    __typename
    displayName
    avatarUrl
    ... on StaffMember {
      id
      title
      badge
      isFormer
    }
    ... on Member {
      id
      isAmbassador
    }
  }
`;
