import { gql } from '@urql/core';

/** The brand's team: invitations, roles, password links, leaving, an agency's end. */

export const STAFF = gql`
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

export const INVITE = gql`
  mutation AdminInvite($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      url
    }
  }
`;

export const PASSWORD_LINK = gql`
  mutation AdminPasswordLink($id: ID!) {
    issuePasswordLink(staffId: $id) {
      url
    }
  }
`;

export const UPDATE_STAFF = gql`
  mutation AdminUpdateStaff($input: UpdateStaffInput!) {
    updateStaff(input: $input) {
      id
    }
  }
`;

export const DEACTIVATE = gql`
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

export const END_AGENCY = gql`
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
