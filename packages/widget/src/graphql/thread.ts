import { gql } from '../client/gql.ts';
import type {
  AuthorFragment,
  ReplyFragment,
  StatusUpdateFragment,
  WidgetDeleteReplyMutation,
  WidgetDeleteReplyMutationVariables,
  WidgetDeleteThreadMutation,
  WidgetDeleteThreadMutationVariables,
  WidgetEditReplyMutation,
  WidgetEditReplyMutationVariables,
  WidgetEditThreadMutation,
  WidgetEditThreadMutationVariables,
  WidgetFollowMutation,
  WidgetFollowMutationVariables,
  WidgetMoreRepliesQuery,
  WidgetMoreRepliesQueryVariables,
  WidgetReplyMutation,
  WidgetReplyMutationVariables,
  WidgetReportMutation,
  WidgetReportMutationVariables,
  WidgetThreadEventsSubscription,
  WidgetThreadEventsSubscriptionVariables,
  WidgetThreadQuery,
  WidgetThreadQueryVariables,
  WidgetUnfollowMutation,
  WidgetUnfollowMutationVariables,
  WidgetWithdrawThreadMutation,
  WidgetWithdrawThreadMutationVariables,
} from '../generated/graphql.ts';
import type { WithDeferred } from './documents.ts';

/** A thread's page (loaded with it): the thread, its replies, live events, and what can be done there. */

export const AUTHOR = gql<AuthorFragment>`
  fragment Author on Author {
    __typename
    displayName
    avatarUrl
    ... on StaffMember {
      title
      badge
      agencyName
      isFormer
    }
    ... on Member {
      isAmbassador
    }
  }
`;

export const REPLY = gql<ReplyFragment>`
  fragment Reply on Reply {
    id
    body
    bodyFormatted
    createdAt
    editedAt
    viewerCanEdit
    viewerIsAuthor
    isHelpful
    author {
      ...Author
    }
  }
  ${AUTHOR}
`;

/** A status change as a thread shows it: the note, who made it, and the "What's new" entry it came with. */
export const STATUS_UPDATE = gql<StatusUpdateFragment>`
  fragment StatusUpdate on StatusChange {
    to
    noteFormatted
    createdAt
    staff {
      ...Author
    }
    changelogEntry {
      id
      title
    }
  }
  ${AUTHOR}
`;

export const THREAD_VIEW = gql<WidgetThreadQuery, WidgetThreadQueryVariables>`
  query WidgetThread($community: String!, $id: ID!, $signedIn: Boolean!) {
    community(slug: $community) {
      id
      name
      thread(id: $id) {
        id
        kind
        status
        title
        body
        bodyFormatted
        createdAt
        voteCount
        replyCount
        followerCount
        answeredByStaff
        isLocked
        editedAt
        withdrawnAt
        mergedInto {
          id
          title
        }
        author {
          ...Author
        }
        lastStatusChange {
          ...StatusUpdate
        }
        replies(first: 100) {
          edges @stream(initialCount: 10) {
            node {
              ...Reply
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        ... @defer(if: $signedIn) {
          viewerHasVoted
          viewerIsFollowing
          viewerCanEdit
          viewerIsAuthor
          viewerRemoval
        }
      }
    }
  }
  ${REPLY}
  ${STATUS_UPDATE}
`;

/** Replies after the last one shown: "load more", and catching up after a live-update gap. */

export const MORE_REPLIES = gql<WidgetMoreRepliesQuery, WidgetMoreRepliesQueryVariables>`
  query WidgetMoreReplies($community: String!, $id: ID!, $after: String) {
    community(slug: $community) {
      id
      thread(id: $id) {
        id
        voteCount
        replyCount
        status
        replies(first: 100, after: $after) {
          edges {
            node {
              ...Reply
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
  ${REPLY}
`;

export const THREAD_EVENTS = gql<WidgetThreadEventsSubscription, WidgetThreadEventsSubscriptionVariables>`
  subscription WidgetThreadEvents($community: String!, $id: ID!) {
    threadEvents(community: $community, threadId: $id) {
      __typename
      ... on ReplyAddedEvent {
        reply {
          ...Reply
        }
      }
      ... on StatusChangedEvent {
        statusChange {
          ...StatusUpdate
        }
      }
      ... on VoteCountChangedEvent {
        voteCount
      }
      ... on ThreadEditedEvent {
        thread {
          title
          body
          bodyFormatted
          editedAt
          withdrawnAt
          isLocked
          mergedInto {
            id
            title
          }
        }
      }
      ... on ReplyEditedEvent {
        reply {
          ...Reply
        }
      }
      ... on ReplyRemovedEvent {
        replyId
      }
    }
  }
  ${REPLY}
  ${STATUS_UPDATE}
`;

export const REPLY_TO = gql<WidgetReplyMutation, WidgetReplyMutationVariables>`
  mutation WidgetReply($input: ReplyInput!) {
    reply(input: $input) {
      ...Reply
    }
  }
  ${REPLY}
`;

export const EDIT_THREAD = gql<WidgetEditThreadMutation, WidgetEditThreadMutationVariables>`
  mutation WidgetEditThread($input: EditThreadInput!) {
    editThread(input: $input) {
      id
      title
      body
      bodyFormatted
      editedAt
    }
  }
`;

export const WITHDRAW_THREAD = gql<WidgetWithdrawThreadMutation, WidgetWithdrawThreadMutationVariables>`
  mutation WidgetWithdrawThread($id: ID!) {
    withdrawThread(threadId: $id) {
      id
      body
      bodyFormatted
      withdrawnAt
      viewerCanEdit
      viewerRemoval
    }
  }
`;

export const DELETE_THREAD = gql<WidgetDeleteThreadMutation, WidgetDeleteThreadMutationVariables>`
  mutation WidgetDeleteThread($id: ID!) {
    deleteThread(threadId: $id)
  }
`;

export const EDIT_REPLY = gql<WidgetEditReplyMutation, WidgetEditReplyMutationVariables>`
  mutation WidgetEditReply($input: EditReplyInput!) {
    editReply(input: $input) {
      ...Reply
    }
  }
  ${REPLY}
`;

export const DELETE_REPLY = gql<WidgetDeleteReplyMutation, WidgetDeleteReplyMutationVariables>`
  mutation WidgetDeleteReply($id: ID!) {
    deleteReply(replyId: $id)
  }
`;

export const FOLLOW = gql<WidgetFollowMutation, WidgetFollowMutationVariables>`
  mutation WidgetFollow($id: ID!) {
    follow(threadId: $id) {
      id
      viewerIsFollowing
      followerCount
    }
  }
`;

export const UNFOLLOW = gql<WidgetUnfollowMutation, WidgetUnfollowMutationVariables>`
  mutation WidgetUnfollow($id: ID!) {
    unfollow(threadId: $id) {
      id
      viewerIsFollowing
      followerCount
    }
  }
`;

export const REPORT = gql<WidgetReportMutation, WidgetReportMutationVariables>`
  mutation WidgetReport($input: ReportInput!) {
    reportContent(input: $input) {
      id
    }
  }
`;

/** The shapes the thread view works with, as its documents select them. */
export type Thread = WithDeferred<NonNullable<NonNullable<WidgetThreadQuery['community']>['thread']>>;
export type Reply = ReplyFragment;
export type ThreadEvent = WidgetThreadEventsSubscription['threadEvents'];
