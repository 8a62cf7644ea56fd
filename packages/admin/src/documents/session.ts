import { gql } from '@urql/core';

/** Signing in and out, the signed-in staff member and their profile. */

export const VIEWER = gql`
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

export const SIGN_IN = gql`
  mutation AdminSignIn($community: String!, $email: String!, $password: String!) {
    staffSignIn(community: $community, email: $email, password: $password) {
      kind
    }
  }
`;

export const SIGN_OUT = gql`
  mutation AdminSignOut {
    staffSignOut
  }
`;

export const SET_PASSWORD = gql`
  mutation AdminSetPassword($token: String!, $password: String!) {
    setStaffPassword(token: $token, password: $password) {
      kind
    }
  }
`;

export const UPDATE_PROFILE = gql`
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
