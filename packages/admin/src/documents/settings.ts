import { gql } from '@urql/core';
import type {
  AdminRetireKeyMutation,
  AdminRetireKeyMutationVariables,
  AdminRotateKeyMutation,
  AdminRotateKeyMutationVariables,
  AdminSetOriginsMutation,
  AdminSetOriginsMutationVariables,
  AdminSettingsQuery,
  AdminSettingsQueryVariables,
  AdminUpdateCommunityMutation,
  AdminUpdateCommunityMutationVariables,
} from '../generated/graphql.ts';

/** The community's settings: name and look, origins, SSO keys. */

export const SETTINGS = gql<AdminSettingsQuery, AdminSettingsQueryVariables>`
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

export type Settings = NonNullable<AdminSettingsQuery['community']>;

export const UPDATE_COMMUNITY = gql<AdminUpdateCommunityMutation, AdminUpdateCommunityMutationVariables>`
  mutation AdminUpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      id
    }
  }
`;

export const SET_ORIGINS = gql<AdminSetOriginsMutation, AdminSetOriginsMutationVariables>`
  mutation AdminSetOrigins($origins: [String!]!) {
    setAllowedOrigins(origins: $origins) {
      id
    }
  }
`;

export const ROTATE_KEY = gql<AdminRotateKeyMutation, AdminRotateKeyMutationVariables>`
  mutation AdminRotateKey {
    rotateSsoKey {
      keyId
      secret
    }
  }
`;

export type SsoSecret = AdminRotateKeyMutation['rotateSsoKey'];

export const RETIRE_KEY = gql<AdminRetireKeyMutation, AdminRetireKeyMutationVariables>`
  mutation AdminRetireKey($keyId: String!) {
    retireSsoKey(keyId: $keyId) {
      id
    }
  }
`;
