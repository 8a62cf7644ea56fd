import { gql } from '@urql/core';
import type {
  AdminDeactivateMutation,
  AdminDeactivateMutationVariables,
  AdminEndAgencyMutation,
  AdminEndAgencyMutationVariables,
  AdminInviteMutation,
  AdminInviteMutationVariables,
  AdminPasswordLinkMutation,
  AdminPasswordLinkMutationVariables,
  AdminStaffQuery,
  AdminStaffQueryVariables,
  AdminUpdateStaffMutation,
  AdminUpdateStaffMutationVariables,
} from '../generated/graphql.ts';

/** The brand's team: invitations, roles, password links, leaving, an agency's end. */

export const STAFF = gql<AdminStaffQuery, AdminStaffQueryVariables>`
  query AdminStaff($community: String!) {
    community(slug: $community) {
      id
      staffMembers(includeFormer: true) {
        id
        name
        title
        email
        role
        badge
        agencyName
        isFormer
        hasPassword
        deactivatedAt
      }
    }
  }
`;

export type StaffRow = NonNullable<AdminStaffQuery['community']>['staffMembers'][number];

export const INVITE = gql<AdminInviteMutation, AdminInviteMutationVariables>`
  mutation AdminInvite($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      url
    }
  }
`;

export const PASSWORD_LINK = gql<AdminPasswordLinkMutation, AdminPasswordLinkMutationVariables>`
  mutation AdminPasswordLink($id: ID!) {
    issuePasswordLink(staffId: $id) {
      url
    }
  }
`;

export const UPDATE_STAFF = gql<AdminUpdateStaffMutation, AdminUpdateStaffMutationVariables>`
  mutation AdminUpdateStaff($input: UpdateStaffInput!) {
    updateStaff(input: $input) {
      id
    }
  }
`;

export const DEACTIVATE = gql<AdminDeactivateMutation, AdminDeactivateMutationVariables>`
  mutation AdminDeactivate($id: ID!, $successors: [ID!]!) {
    deactivateStaff(staffId: $id, successorIds: $successors) {
      movedThreads
      handovers {
        id
        to {
          name
        }
        members {
          id
        }
      }
      staff {
        name
        isFormer
        deactivatedAt
      }
      successors {
        name
      }
    }
  }
`;

export const END_AGENCY = gql<AdminEndAgencyMutation, AdminEndAgencyMutationVariables>`
  mutation AdminEndAgency($agency: String!, $successors: [ID!]!) {
    endAgency(agencyName: $agency, successorIds: $successors) {
      staff {
        name
      }
      handovers {
        id
        to {
          name
        }
      }
    }
  }
`;
