import { gql } from '@urql/core';
import type {
  AdminSetPasswordMutation,
  AdminSetPasswordMutationVariables,
  AdminSignInMutation,
  AdminSignInMutationVariables,
  AdminSignOutMutation,
  AdminSignOutMutationVariables,
  AdminUpdateProfileMutation,
  AdminUpdateProfileMutationVariables,
  AdminViewerQuery,
  AdminViewerQueryVariables,
} from '../generated/graphql.ts';

/** Signing in and out, the signed-in staff member and their profile. */

export const VIEWER = gql<AdminViewerQuery, AdminViewerQueryVariables>`
  query AdminViewer {
    viewer {
      kind
      community {
        slug
        name
      }
      staff {
        id
        name
        title
        avatarUrl
        role
        badge
        agencyName
        locale
      }
    }
  }
`;

export type ViewerStaff = NonNullable<NonNullable<AdminViewerQuery['viewer']>['staff']>;

export const SIGN_IN = gql<AdminSignInMutation, AdminSignInMutationVariables>`
  mutation AdminSignIn($community: String!, $email: String!, $password: String!) {
    staffSignIn(community: $community, email: $email, password: $password) {
      kind
    }
  }
`;

export const SIGN_OUT = gql<AdminSignOutMutation, AdminSignOutMutationVariables>`
  mutation AdminSignOut {
    staffSignOut
  }
`;

export const SET_PASSWORD = gql<AdminSetPasswordMutation, AdminSetPasswordMutationVariables>`
  mutation AdminSetPassword($token: String!, $password: String!) {
    setStaffPassword(token: $token, password: $password) {
      kind
    }
  }
`;

export const UPDATE_PROFILE = gql<AdminUpdateProfileMutation, AdminUpdateProfileMutationVariables>`
  mutation AdminUpdateProfile($input: ProfileInput!) {
    updateMyProfile(input: $input) {
      id
      name
      title
      avatarUrl
      locale
    }
  }
`;
