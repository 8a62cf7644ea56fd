import { gql } from '@urql/core';

/** What's new, in the console: entries, the editor's, and the preview of formatted text. */

const ENTRY = gql`
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

export const CHANGELOG = gql`
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

export const CHANGELOG_ENTRY = gql`
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

export const CREATE_ENTRY = gql`
  mutation AdminCreateEntry($input: ChangelogEntryInput!) {
    createChangelogEntry(input: $input) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const UPDATE_ENTRY = gql`
  mutation AdminUpdateEntry($id: ID!, $input: ChangelogEntryInput!) {
    updateChangelogEntry(id: $id, input: $input) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const PUBLISH_ENTRY = gql`
  mutation AdminPublishEntry($id: ID!, $at: DateTime) {
    publishChangelogEntry(id: $id, at: $at) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const UNPUBLISH_ENTRY = gql`
  mutation AdminUnpublishEntry($id: ID!) {
    unpublishChangelogEntry(id: $id) {
      ...AdminChangelogEntry
    }
  }
  ${ENTRY}
`;

export const DELETE_ENTRY = gql`
  mutation AdminDeleteEntry($id: ID!) {
    deleteChangelogEntry(id: $id)
  }
`;

export const FORMATTED_PREVIEW = gql`
  query AdminFormattedPreview($text: String!) {
    formattedPreview(text: $text)
  }
`;
