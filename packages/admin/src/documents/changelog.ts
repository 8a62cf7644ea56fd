import { gql } from '@urql/core';
import type {
  AdminChangelogEntryByIdQuery,
  AdminChangelogEntryByIdQueryVariables,
  AdminChangelogEntryFragment,
  AdminChangelogQuery,
  AdminChangelogQueryVariables,
  AdminCreateEntryMutation,
  AdminCreateEntryMutationVariables,
  AdminDeleteEntryMutation,
  AdminDeleteEntryMutationVariables,
  AdminFormattedPreviewQuery,
  AdminFormattedPreviewQueryVariables,
  AdminPublishEntryMutation,
  AdminPublishEntryMutationVariables,
  AdminUnpublishEntryMutation,
  AdminUnpublishEntryMutationVariables,
  AdminUpdateEntryMutation,
  AdminUpdateEntryMutationVariables,
} from '../generated/graphql.ts';

/** What's new, in the console: entries, the editor's, and the preview of formatted text. */

const ENTRY = gql<AdminChangelogEntryFragment>`
  fragment AdminChangelogEntry on ChangelogEntry {
    id
    title
    body
    status
    publishAt
    publishedAt
    editedAt
    createdAt
    author {
      id
      name
      title
    }
    threads {
      id
      title
      status
      voteCount
    }
  }
`;

export type ChangelogEntry = AdminChangelogEntryFragment;

/** A thread an entry ships (as listed on it, or found by search). */
export type LinkedThread = Pick<ChangelogEntry['threads'][number], 'id' | 'title'>;

export const CHANGELOG = gql<AdminChangelogQuery, AdminChangelogQueryVariables>`
  query AdminChangelog($community: String!, $status: ChangelogStatus) {
    community(slug: $community) {
      id
      changelog(first: 50, status: $status) {
        edges {
          node {
            ...AdminChangelogEntry
          }
        }
      }
    }
  }
  ${ENTRY}
`;

export const CHANGELOG_ENTRY = gql<AdminChangelogEntryByIdQuery, AdminChangelogEntryByIdQueryVariables>`
  query AdminChangelogEntryById($community: String!, $id: ID!) {
    community(slug: $community) {
      id
      changelogEntry(id: $id) {
        ...AdminChangelogEntry
      }
    }
  }
  ${ENTRY}
`;

export const CREATE_ENTRY = gql<AdminCreateEntryMutation, AdminCreateEntryMutationVariables>`
  mutation AdminCreateEntry($input: ChangelogEntryInput!) {
    createChangelogEntry(input: $input) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const UPDATE_ENTRY = gql<AdminUpdateEntryMutation, AdminUpdateEntryMutationVariables>`
  mutation AdminUpdateEntry($id: ID!, $input: ChangelogEntryInput!) {
    updateChangelogEntry(id: $id, input: $input) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const PUBLISH_ENTRY = gql<AdminPublishEntryMutation, AdminPublishEntryMutationVariables>`
  mutation AdminPublishEntry($id: ID!, $at: DateTime) {
    publishChangelogEntry(id: $id, at: $at) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const UNPUBLISH_ENTRY = gql<AdminUnpublishEntryMutation, AdminUnpublishEntryMutationVariables>`
  mutation AdminUnpublishEntry($id: ID!) {
    unpublishChangelogEntry(id: $id) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const DELETE_ENTRY = gql<AdminDeleteEntryMutation, AdminDeleteEntryMutationVariables>`
  mutation AdminDeleteEntry($id: ID!) {
    deleteChangelogEntry(id: $id)
  }
`;

export const FORMATTED_PREVIEW = gql<AdminFormattedPreviewQuery, AdminFormattedPreviewQueryVariables>`
  query AdminFormattedPreview($text: String!) {
    formattedPreview(text: $text)
  }
`;
