import { gql } from '@urql/core';

/** Community API keys (Settings). */

export const API_KEYS = gql`
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

export const CREATE_API_KEY = gql`
  mutation AdminCreateApiKey($name: String!, $scopes: [ApiKeyScope!]!) {
    createApiKey(name: $name, scopes: $scopes) {
      key
      apiKey {
        id
      }
    }
  }
`;

export const REVOKE_API_KEY = gql`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`;
