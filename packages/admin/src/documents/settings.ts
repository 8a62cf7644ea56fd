import { gql } from '@urql/core';

/** The community's settings: name and look, origins, SSO keys. */

export const SETTINGS = gql`
  query AdminSettings($community: String!) {
    community(slug: $community) {
      id
      name
      defaultLocale
      allowedOrigins
      ssoKeys {
        keyId
        createdAt
      }
      theme {
        property
        value
      }
    }
  }
`;

export const UPDATE_COMMUNITY = gql`
  mutation AdminUpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      id
    }
  }
`;

export const SET_ORIGINS = gql`
  mutation AdminSetOrigins($origins: [String!]!) {
    setAllowedOrigins(origins: $origins) {
      id
    }
  }
`;

export const ROTATE_KEY = gql`
  mutation AdminRotateKey {
    rotateSsoKey {
      keyId
      secret
    }
  }
`;

export const RETIRE_KEY = gql`
  mutation AdminRetireKey($keyId: String!) {
    retireSsoKey(keyId: $keyId) {
      id
    }
  }
`;
