import { gql } from '@urql/core';
import type {
  AdminApiKeysQuery,
  AdminApiKeysQueryVariables,
  AdminCreateApiKeyMutation,
  AdminCreateApiKeyMutationVariables,
  AdminRevokeApiKeyMutation,
  AdminRevokeApiKeyMutationVariables,
} from '../generated/graphql.ts';

/** Community API keys (Settings). */

export const API_KEYS = gql<AdminApiKeysQuery, AdminApiKeysQueryVariables>`
  query AdminApiKeys($community: String!) {
    community(slug: $community) {
      id
      apiKeys {
        id
        name
        scopes
        keyStart
        createdAt
        createdBy {
          id
          name
        }
        lastUsedAt
        revokedAt
      }
    }
  }
`;

export type ApiKey = NonNullable<AdminApiKeysQuery['community']>['apiKeys'][number];

export const CREATE_API_KEY = gql<AdminCreateApiKeyMutation, AdminCreateApiKeyMutationVariables>`
  mutation AdminCreateApiKey($name: String!, $scopes: [ApiKeyScope!]!) {
    createApiKey(name: $name, scopes: $scopes) {
      key
      apiKey {
        id
      }
    }
  }
`;

export const REVOKE_API_KEY = gql<AdminRevokeApiKeyMutation, AdminRevokeApiKeyMutationVariables>`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`;
