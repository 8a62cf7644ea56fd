import { gql } from '@urql/core';

/** The account panel's documents (loaded with the panel, not with the widget). */

export const ACCOUNT = gql`
  query WidgetAccount {
    viewer {
      emailDigest
      followOnVote
      deletionDueAt
      unreadNotificationCount
      consents {
        purpose
        granted
        text
      }
      notifications(first: 20) {
        edges {
          node {
            id
            kind
            unread
            status
            createdAt
            thread {
              id
              title
            }
            mergedInto {
              id
              title
            }
            changelogEntry {
              id
              title
            }
            actor {
              displayName
            }
          }
        }
      }
    }
  }
`;

export const MARK_READ = gql`
  mutation WidgetMarkRead {
    markNotificationsRead
  }
`;

export const SET_CONSENT = gql`
  mutation WidgetSetConsent($purpose: ConsentPurpose!, $granted: Boolean!, $text: String) {
    setConsent(purpose: $purpose, granted: $granted, textShown: $text) {
      purpose
      granted
    }
  }
`;

export const SET_DIGEST = gql`
  mutation WidgetSetDigest($digest: EmailDigest!) {
    setEmailDigest(digest: $digest)
  }
`;

export const EXPORT = gql`
  query WidgetExport {
    viewer {
      dataExport
    }
  }
`;

export const DELETE_ACCOUNT = gql`
  mutation WidgetDeleteAccount {
    requestAccountDeletion
  }
`;

export const KEEP_ACCOUNT = gql`
  mutation WidgetKeepAccount {
    cancelAccountDeletion
  }
`;

export const SET_FOLLOW_ON_VOTE = gql`
  mutation WidgetSetFollowOnVote($followOnVote: Boolean!) {
    setFollowOnVote(followOnVote: $followOnVote)
  }
`;
