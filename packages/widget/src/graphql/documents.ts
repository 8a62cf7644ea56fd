import { gql } from '@urql/core';

/** The GraphQL documents the widget sends. (The admin console shares the fragments it needs.) */

export const AUTHOR = gql`
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

export const THREAD_SUMMARY = gql`
  fragment ThreadSummary on Thread {
    id
    kind
    status
    title
    voteCount
    replyCount
    answeredByStaff
    createdAt
    author {
      displayName
    }
    ... @defer(if: $signedIn) {
      viewerHasVoted
    }
  }
`;

export const THREAD_LIST = gql`
  query WidgetThreads(
    $community: String!
    $first: Int!
    $after: String
    $orderBy: ThreadOrder!
    $status: [ThreadStatus!]
    $kind: [ThreadKind!]
    $search: String
    $signedIn: Boolean!
  ) {
    community(slug: $community) {
      id
      name
      threads(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, search: $search) {
        edges {
          node {
            ...ThreadSummary
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
  ${THREAD_SUMMARY}
`;

export const REPLY = gql`
  fragment Reply on Reply {
    id
    body
    createdAt
    editedAt
    viewerCanEdit
    isHelpful
    author {
      ...Author
    }
  }
  ${AUTHOR}
`;

export const THREAD_VIEW = gql`
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
        createdAt
        voteCount
        replyCount
        followerCount
        answeredByStaff
        isLocked
        editedAt
        mergedInto {
          id
          title
        }
        author {
          ...Author
        }
        lastStatusChange {
          to
          note
          createdAt
          staff {
            ...Author
          }
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
        }
      }
    }
  }
  ${AUTHOR}
  ${REPLY}
`;

/** Replies after the last one shown: "load more", and catching up after a live-update gap. */
export const MORE_REPLIES = gql`
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

export const THREAD_EVENTS = gql`
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
          to
          note
          createdAt
          staff {
            ...Author
          }
        }
      }
      ... on VoteCountChangedEvent {
        voteCount
      }
      ... on ThreadEditedEvent {
        thread {
          title
          body
          editedAt
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
`;

export const START_GUEST = gql`
  mutation WidgetStartGuest($community: String!, $name: String!) {
    startGuestSession(community: $community, displayName: $name) {
      token
      viewer {
        member {
          displayName
        }
      }
    }
  }
`;

export const POST_THREAD = gql`
  mutation WidgetPostThread($input: PostThreadInput!) {
    postThread(input: $input) {
      id
    }
  }
`;

export const REPLY_TO = gql`
  mutation WidgetReply($input: ReplyInput!) {
    reply(input: $input) {
      ...Reply
    }
  }
  ${REPLY}
`;

export const EDIT_THREAD = gql`
  mutation WidgetEditThread($input: EditThreadInput!) {
    editThread(input: $input) {
      id
      title
      body
      editedAt
    }
  }
`;

export const DELETE_THREAD = gql`
  mutation WidgetDeleteThread($id: ID!) {
    deleteThread(threadId: $id)
  }
`;

export const EDIT_REPLY = gql`
  mutation WidgetEditReply($input: EditReplyInput!) {
    editReply(input: $input) {
      ...Reply
    }
  }
  ${REPLY}
`;

export const DELETE_REPLY = gql`
  mutation WidgetDeleteReply($id: ID!) {
    deleteReply(replyId: $id)
  }
`;

export const VOTE = gql`
  mutation WidgetVote($id: ID!, $idempotencyKey: String) {
    vote(threadId: $id, idempotencyKey: $idempotencyKey) {
      id
      voteCount
      viewerHasVoted
    }
  }
`;

export const UNVOTE = gql`
  mutation WidgetUnvote($id: ID!, $idempotencyKey: String) {
    unvote(threadId: $id, idempotencyKey: $idempotencyKey) {
      id
      voteCount
      viewerHasVoted
    }
  }
`;

export const FOLLOW = gql`
  mutation WidgetFollow($id: ID!) {
    follow(threadId: $id) {
      id
      viewerIsFollowing
      followerCount
    }
  }
`;

export const UNFOLLOW = gql`
  mutation WidgetUnfollow($id: ID!) {
    unfollow(threadId: $id) {
      id
      viewerIsFollowing
      followerCount
    }
  }
`;

export const REPORT = gql`
  mutation WidgetReport($input: ReportInput!) {
    reportContent(input: $input) {
      id
    }
  }
`;

export const SHARE_CODE = gql`
  mutation WidgetShareCode($community: String!) {
    shareCode(community: $community)
  }
`;

export const RECORD_VISIT = gql`
  mutation WidgetShareVisit($community: String!, $code: String!, $visitor: String!, $threadId: ID) {
    recordShareVisit(community: $community, code: $code, visitor: $visitor, threadId: $threadId)
  }
`;
