import { gql } from '@urql/core';
import type { AdminAuthorFragment } from '../generated/graphql.ts';

/** Who wrote something, as the console shows them. */

export const AUTHOR = gql<AdminAuthorFragment>`
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
