import { gql } from '@urql/core';
import type {
  AdminMemberQuery,
  AdminMemberQueryVariables,
  AdminMembersQuery,
  AdminMembersQueryVariables,
  AdminRecordConsentMutation,
  AdminRecordConsentMutationVariables,
  AdminSetOwnerMutation,
  AdminSetOwnerMutationVariables,
  AdminSuspendMutation,
  AdminSuspendMutationVariables,
} from '../generated/graphql.ts';

/** Members: the list, one member with their relationship, consent and owner, suspension. */

export const MEMBER = gql<AdminMemberQuery, AdminMemberQueryVariables>`
  query AdminMember($community: String!, $id: ID!) {
    community(slug: $community) {
      id
      staffMembers {
        id
        name
      }
      member(id: $id) {
        id
        displayName
        avatarUrl
        email
        emailBouncedAt
        kind
        externalId
        attributes
        isAmbassador
        firstSeenAt
        lastSeenAt
        threadCount
        replyCount
        voteCount
        isSuspended
        suspendedReason
        standing {
          rank
          score
          love
          reach
          sentiment
          isSuggested
          isCritic
        }
        staffContacts {
          staff {
            name
            title
          }
          replies
          lastAt
        }
        contactHistory(first: 20) {
          id
          createdAt
          author {
            displayName
          }
          thread {
            id
            title
          }
        }
        owner {
          id
          name
        }
        consents {
          purpose
          granted
          source
          since
        }
        threads(first: 10) {
          edges {
            node {
              id
              title
              status
              createdAt
            }
          }
        }
      }
    }
  }
`;

export type Member = NonNullable<NonNullable<AdminMemberQuery['community']>['member']>;

export const SUSPEND = gql<AdminSuspendMutation, AdminSuspendMutationVariables>`
  mutation AdminSuspend($id: ID!, $reason: String!, $suspend: Boolean!, $hide: Boolean) {
    suspendMember(memberId: $id, reason: $reason, hideContent: $hide) @include(if: $suspend) {
      id
    }
    unsuspendMember(memberId: $id) @skip(if: $suspend) {
      id
    }
  }
`;

export const MEMBERS = gql<AdminMembersQuery, AdminMembersQueryVariables>`
  query AdminMembers($community: String!, $search: String, $orderBy: MemberOrder, $after: String) {
    community(slug: $community) {
      id
      members(first: 30, search: $search, orderBy: $orderBy, after: $after) {
        edges {
          node {
            id
            displayName
            email
            kind
            threadCount
            replyCount
            voteCount
            lastSeenAt
            isSuspended
            isAmbassador
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

export type MemberRow = NonNullable<AdminMembersQuery['community']>['members']['edges'][number]['node'];

export const SET_OWNER = gql<AdminSetOwnerMutation, AdminSetOwnerMutationVariables>`
  mutation AdminSetOwner($member: ID!, $owner: ID) {
    setMemberOwner(memberId: $member, ownerId: $owner) {
      id
    }
  }
`;

export const RECORD_CONSENT = gql<AdminRecordConsentMutation, AdminRecordConsentMutationVariables>`
  mutation AdminRecordConsent($member: ID!, $purpose: ConsentPurpose!, $granted: Boolean!, $text: String!) {
    recordMemberConsent(memberId: $member, purpose: $purpose, granted: $granted, textShown: $text) {
      purpose
      granted
    }
  }
`;
