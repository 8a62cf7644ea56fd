import { gql } from '@urql/core';
import type {
  AdminAssignMutation,
  AdminAssignMutationVariables,
  AdminDeleteReplyMutation,
  AdminDeleteReplyMutationVariables,
  AdminEditReplyMutation,
  AdminEditReplyMutationVariables,
  AdminMarkHelpfulMutation,
  AdminMarkHelpfulMutationVariables,
  AdminMergeMutation,
  AdminMergeMutationVariables,
  AdminModerateReplyMutation,
  AdminModerateReplyMutationVariables,
  AdminModerateThreadMutation,
  AdminModerateThreadMutationVariables,
  AdminReplyFragment,
  AdminReplyMutation,
  AdminReplyMutationVariables,
  AdminSearchThreadsQuery,
  AdminSearchThreadsQueryVariables,
  AdminSetStatusMutation,
  AdminSetStatusMutationVariables,
  AdminSimilarThreadsQuery,
  AdminSimilarThreadsQueryVariables,
  AdminThreadEventsSubscription,
  AdminThreadEventsSubscriptionVariables,
  AdminThreadQuery,
  AdminThreadQueryVariables,
  AdminThreadRepliesQuery,
  AdminThreadRepliesQueryVariables,
} from '../generated/graphql.ts';
import { AUTHOR } from './author.ts';

/** A thread in the console: its replies, staff's answers, status, assignment, merging and moderation. */

export const REPLY_FIELDS = gql<AdminReplyFragment>`
  fragment AdminReply on Reply {
    id
    body
    bodyFormatted
    createdAt
    viewerCanEdit
    isHelpful
    isHidden
    hiddenReason
    author {
      ...AdminAuthor
    }
  }
  ${AUTHOR}
`;

export type Reply = AdminReplyFragment;

export const THREAD = gql<AdminThreadQuery, AdminThreadQueryVariables>`
  query AdminThread($community: String!, $id: ID!) {
    community(slug: $community) {
      id
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
        waitingSince
        isHidden
        hiddenReason
        isLocked
        withdrawnAt
        mergedInto {
          id
          title
        }
        assignee {
          id
          name
        }
        author {
          ...AdminAuthor
        }
        lastStatusChange {
          to
          note
          staff {
            name
          }
        }
      }
      staffMembers {
        id
        name
      }
    }
  }
  ${AUTHOR}
`;

export type Thread = NonNullable<NonNullable<AdminThreadQuery['community']>['thread']>;

/** What the thread's actions (admin-thread-actions.ts) need of it. */
export type ActionableThread = Pick<Thread, 'id' | 'status' | 'isHidden' | 'isLocked' | 'assignee' | 'mergedInto'>;

export const THREAD_REPLIES = gql<AdminThreadRepliesQuery, AdminThreadRepliesQueryVariables>`
  query AdminThreadReplies($community: String!, $id: ID!, $after: String) {
    community(slug: $community) {
      id
      thread(id: $id) {
        id
        replies(first: 100, after: $after) {
          edges {
            node {
              ...AdminReply
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
  ${REPLY_FIELDS}
`;

export const THREAD_EVENTS = gql<AdminThreadEventsSubscription, AdminThreadEventsSubscriptionVariables>`
  subscription AdminThreadEvents($community: String!, $id: ID!) {
    threadEvents(community: $community, threadId: $id) {
      __typename
    }
  }
`;

export const EDIT_REPLY = gql<AdminEditReplyMutation, AdminEditReplyMutationVariables>`
  mutation AdminEditReply($input: EditReplyInput!) {
    editReply(input: $input) {
      id
    }
  }
`;

export const DELETE_REPLY = gql<AdminDeleteReplyMutation, AdminDeleteReplyMutationVariables>`
  mutation AdminDeleteReply($id: ID!) {
    deleteReply(replyId: $id)
  }
`;

export const REPLY = gql<AdminReplyMutation, AdminReplyMutationVariables>`
  mutation AdminReply($input: ReplyInput!) {
    reply(input: $input) {
      id
    }
  }
`;

export const SET_STATUS = gql<AdminSetStatusMutation, AdminSetStatusMutationVariables>`
  mutation AdminSetStatus($input: SetThreadStatusInput!) {
    setThreadStatus(input: $input) {
      id
    }
  }
`;

export const ASSIGN = gql<AdminAssignMutation, AdminAssignMutationVariables>`
  mutation AdminAssign($threadId: ID!, $staffId: ID) {
    assignThread(threadId: $threadId, staffId: $staffId) {
      id
    }
  }
`;

export const MERGE = gql<AdminMergeMutation, AdminMergeMutationVariables>`
  mutation AdminMerge($threadId: ID!, $into: ID!) {
    mergeThread(threadId: $threadId, intoThreadId: $into) {
      id
    }
  }
`;

export const SEARCH_THREADS = gql<AdminSearchThreadsQuery, AdminSearchThreadsQueryVariables>`
  query AdminSearchThreads($community: String!, $search: String!) {
    community(slug: $community) {
      id
      search(query: $search, first: 8, asTyped: true) {
        edges {
          node {
            thread {
              id
              title
              status
              voteCount
              createdAt
              author {
                displayName
              }
            }
          }
        }
      }
    }
  }
`;

/** Threads that may be the same as this one: the merge form's first suggestions. */
export const SIMILAR_THREADS = gql<AdminSimilarThreadsQuery, AdminSimilarThreadsQueryVariables>`
  query AdminSimilarThreads($community: String!, $title: String!, $body: String, $id: ID!) {
    community(slug: $community) {
      id
      similarThreads(title: $title, body: $body, excludeId: $id) {
        id
        title
        status
        voteCount
        createdAt
        author {
          displayName
        }
      }
    }
  }
`;

export type SimilarThread = NonNullable<AdminSimilarThreadsQuery['community']>['similarThreads'][number];

export const MODERATE_THREAD = gql<AdminModerateThreadMutation, AdminModerateThreadMutationVariables>`
  mutation AdminModerateThread($id: ID!, $reason: String!, $hide: Boolean!, $restore: Boolean!, $lock: Boolean!, $unlock: Boolean!) {
    hideThread(threadId: $id, reason: $reason) @include(if: $hide) {
      id
    }
    restoreThread(threadId: $id) @include(if: $restore) {
      id
    }
    lockThread(threadId: $id) @include(if: $lock) {
      id
    }
    unlockThread(threadId: $id) @include(if: $unlock) {
      id
    }
  }
`;

export const MODERATE_REPLY = gql<AdminModerateReplyMutation, AdminModerateReplyMutationVariables>`
  mutation AdminModerateReply($id: ID!, $reason: String!, $hide: Boolean!) {
    hideReply(replyId: $id, reason: $reason) @include(if: $hide) {
      id
    }
    restoreReply(replyId: $id) @skip(if: $hide) {
      id
    }
  }
`;

export const MARK_HELPFUL = gql<AdminMarkHelpfulMutation, AdminMarkHelpfulMutationVariables>`
  mutation AdminMarkHelpful($id: ID!, $helpful: Boolean!) {
    markReplyHelpful(replyId: $id) @include(if: $helpful) {
      id
    }
    unmarkReplyHelpful(replyId: $id) @skip(if: $helpful) {
      id
    }
  }
`;
