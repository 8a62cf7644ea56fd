import { gql } from '../client/gql.ts';
import type {
  WidgetAccountQuery,
  WidgetAccountQueryVariables,
  WidgetDeleteAccountMutation,
  WidgetDeleteAccountMutationVariables,
  WidgetExportQuery,
  WidgetExportQueryVariables,
  WidgetKeepAccountMutation,
  WidgetKeepAccountMutationVariables,
  WidgetMarkReadMutation,
  WidgetMarkReadMutationVariables,
  WidgetSetConsentMutation,
  WidgetSetConsentMutationVariables,
  WidgetSetDigestMutation,
  WidgetSetDigestMutationVariables,
  WidgetSetFollowOnVoteMutation,
  WidgetSetFollowOnVoteMutationVariables,
} from '../generated/graphql.ts';

/** The account panel's documents (loaded with the panel, not with the widget). */

export const ACCOUNT = gql<WidgetAccountQuery, WidgetAccountQueryVariables>`
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

export const MARK_READ = gql<WidgetMarkReadMutation, WidgetMarkReadMutationVariables>`
  mutation WidgetMarkRead {
    markNotificationsRead
  }
`;

export const SET_CONSENT = gql<WidgetSetConsentMutation, WidgetSetConsentMutationVariables>`
  mutation WidgetSetConsent($purpose: ConsentPurpose!, $granted: Boolean!, $text: String) {
    setConsent(purpose: $purpose, granted: $granted, textShown: $text) {
      purpose
      granted
    }
  }
`;

export const SET_DIGEST = gql<WidgetSetDigestMutation, WidgetSetDigestMutationVariables>`
  mutation WidgetSetDigest($digest: EmailDigest!) {
    setEmailDigest(digest: $digest)
  }
`;

export const EXPORT = gql<WidgetExportQuery, WidgetExportQueryVariables>`
  query WidgetExport {
    viewer {
      dataExport
    }
  }
`;

export const DELETE_ACCOUNT = gql<WidgetDeleteAccountMutation, WidgetDeleteAccountMutationVariables>`
  mutation WidgetDeleteAccount {
    requestAccountDeletion
  }
`;

export const KEEP_ACCOUNT = gql<WidgetKeepAccountMutation, WidgetKeepAccountMutationVariables>`
  mutation WidgetKeepAccount {
    cancelAccountDeletion
  }
`;

export const SET_FOLLOW_ON_VOTE = gql<WidgetSetFollowOnVoteMutation, WidgetSetFollowOnVoteMutationVariables>`
  mutation WidgetSetFollowOnVote($followOnVote: Boolean!) {
    setFollowOnVote(followOnVote: $followOnVote)
  }
`;

/** A member's own corner and one of their notifications, as the account panel selects them. */
export type Account = NonNullable<WidgetAccountQuery['viewer']>;
export type Notification = NonNullable<Account['notifications']>['edges'][number]['node'];
