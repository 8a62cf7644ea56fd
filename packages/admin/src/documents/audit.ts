import { gql } from '@urql/core';
import type { AdminAuditQuery, AdminAuditQueryVariables } from '../generated/graphql.ts';

/** The audit log. */

export const AUDIT = gql<AdminAuditQuery, AdminAuditQueryVariables>`
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

export type AuditEntry = NonNullable<AdminAuditQuery['community']>['auditLog']['edges'][number]['node'];
