import { gql } from '@urql/core';

/** Clean-ups: the preview, running one, undoing it. */

export const CLEANUP_PREVIEW = gql`
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

export const CLEANUPS = gql`
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

export const RUN_CLEANUP = gql`
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

export const UNDO_CLEANUP = gql`
  mutation AdminUndoCleanup($id: ID!) {
    undoCleanup(id: $id) {
      id
      canUndo
    }
  }
`;
