import { gql } from '@urql/core';

/** The audit log. */

export const AUDIT = gql`
  query AdminAudit($community: String!, $action: String, $actorId: ID, $after: String) {
    community(slug: $community) {
      id
      auditLog(first: 50, action: $action, actorId: $actorId, after: $after) {
        edges {
          node {
            id
            action
            targetType
            targetId
            before
            after
            createdAt
            actor {
              name
            }
            actorMember {
              displayName
            }
            references {
              id
              type
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      staffMembers(includeFormer: true) {
        id
        name
      }
    }
  }
`;
