import { gql } from '@urql/core';
import type {
  AdminCleanupPreviewQuery,
  AdminCleanupPreviewQueryVariables,
  AdminCleanupsQuery,
  AdminCleanupsQueryVariables,
  AdminRunCleanupMutation,
  AdminRunCleanupMutationVariables,
  AdminUndoCleanupMutation,
  AdminUndoCleanupMutationVariables,
} from '../generated/graphql.ts';

/** Clean-ups: the preview, running one, undoing it. */

export const CLEANUP_PREVIEW = gql<AdminCleanupPreviewQuery, AdminCleanupPreviewQueryVariables>`
  query AdminCleanupPreview($community: String!, $rule: CleanupRule!, $inactiveDays: Int, $segmentId: ID) {
    community(slug: $community) {
      id
      cleanupPreview(rule: $rule, inactiveDays: $inactiveDays, segmentId: $segmentId) {
        total
        memberIds
        candidates(first: 100) {
          reason
          lastActiveAt
          member {
            id
            displayName
            email
          }
        }
      }
    }
  }
`;

export type CleanupPreview = NonNullable<AdminCleanupPreviewQuery['community']>['cleanupPreview'];

export const CLEANUPS = gql<AdminCleanupsQuery, AdminCleanupsQueryVariables>`
  query AdminCleanups($community: String!) {
    community(slug: $community) {
      id
      cleanups {
        id
        rule
        memberCount
        dueAt
        canUndo
        undoneAt
        createdAt
        by {
          name
        }
      }
      segments {
        id
        name
      }
    }
  }
`;

export const RUN_CLEANUP = gql<AdminRunCleanupMutation, AdminRunCleanupMutationVariables>`
  mutation AdminRunCleanup($rule: CleanupRule!, $inactiveDays: Int, $segmentId: ID, $ids: [ID!]!) {
    runCleanup(rule: $rule, inactiveDays: $inactiveDays, segmentId: $segmentId, memberIds: $ids) {
      skipped
      cleanup {
        id
        memberCount
        dueAt
      }
    }
  }
`;

export const UNDO_CLEANUP = gql<AdminUndoCleanupMutation, AdminUndoCleanupMutationVariables>`
  mutation AdminUndoCleanup($id: ID!) {
    undoCleanup(id: $id) {
      id
      canUndo
    }
  }
`;
