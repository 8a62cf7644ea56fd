import { gql } from '@urql/core';
import type {
  AdminDeleteSegmentMutation,
  AdminDeleteSegmentMutationVariables,
  AdminSaveSegmentMutation,
  AdminSaveSegmentMutationVariables,
  AdminSegmentPreviewQuery,
  AdminSegmentPreviewQueryVariables,
  AdminSegmentsQuery,
  AdminSegmentsQueryVariables,
} from '../generated/graphql.ts';

/** Segments: saved, previewed as they are written, changed and removed. */

export const SEGMENT_PREVIEW = gql<AdminSegmentPreviewQuery, AdminSegmentPreviewQueryVariables>`
  query AdminSegmentPreview($community: String!, $rules: SegmentRulesInput!) {
    community(slug: $community) {
      id
      segmentPreview(rules: $rules) {
        memberCount
        members(first: 10) {
          id
          displayName
        }
      }
    }
  }
`;

export const SAVE_SEGMENT = gql<AdminSaveSegmentMutation, AdminSaveSegmentMutationVariables>`
  mutation AdminSaveSegment($id: ID, $name: String!, $rules: SegmentRulesInput!) {
    saveSegment(id: $id, name: $name, rules: $rules) {
      id
    }
  }
`;

export const SEGMENTS = gql<AdminSegmentsQuery, AdminSegmentsQueryVariables>`
  query AdminSegments($community: String!) {
    community(slug: $community) {
      id
      segments {
        id
        name
        rules
        memberCount
        members(first: 8) {
          id
          displayName
        }
      }
    }
  }
`;

export type Segment = NonNullable<AdminSegmentsQuery['community']>['segments'][number];

export const DELETE_SEGMENT = gql<AdminDeleteSegmentMutation, AdminDeleteSegmentMutationVariables>`
  mutation AdminDeleteSegment($id: ID!) {
    deleteSegment(id: $id)
  }
`;
