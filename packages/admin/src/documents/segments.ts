import { gql } from '@urql/core';

/** Segments: saved, previewed as they are written, changed and removed. */

export const SEGMENT_PREVIEW = gql`
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

export const SAVE_SEGMENT = gql`
  mutation AdminSaveSegment($id: ID, $name: String!, $rules: SegmentRulesInput!) {
    saveSegment(id: $id, name: $name, rules: $rules) {
      id
    }
  }
`;

export const SEGMENTS = gql`
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

export const DELETE_SEGMENT = gql`
  mutation AdminDeleteSegment($id: ID!) {
    deleteSegment(id: $id)
  }
`;
