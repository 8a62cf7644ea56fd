import { gql } from '@urql/core';

/** The console's GraphQL documents. */

export const AUTHOR = gql`
  fragment AdminAuthor on Author {
    __typename
    displayName
    avatarUrl
    ... on StaffMember {
      id
      title
      badge
      isFormer
    }
    ... on Member {
      id
      isAmbassador
    }
  }
`;

export const VIEWER = gql`
  query AdminViewer {
    viewer {
      kind
      community {
        slug
        name
      }
      staff {
        id
        name
        title
        avatarUrl
        role
        badge
        agencyName
        locale
      }
    }
  }
`;

export const SIGN_IN = gql`
  mutation AdminSignIn($community: String!, $email: String!, $password: String!) {
    staffSignIn(community: $community, email: $email, password: $password) {
      kind
    }
  }
`;

export const SIGN_OUT = gql`
  mutation AdminSignOut {
    staffSignOut
  }
`;

export const SET_PASSWORD = gql`
  mutation AdminSetPassword($token: String!, $password: String!) {
    setStaffPassword(token: $token, password: $password) {
      kind
    }
  }
`;

export const INBOX = gql`
  query AdminInbox(
    $community: String!
    $after: String
    $kind: [ThreadKind!]
    $status: [ThreadStatus!]
    $assignedToMe: Boolean
    $mentionsMe: Boolean
  ) {
    community(slug: $community) {
      id
      inbox(first: 30, after: $after, kind: $kind, status: $status, assignedToMe: $assignedToMe, mentionsMe: $mentionsMe) {
        edges {
          node {
            id
            kind
            status
            title
            replyCount
            voteCount
            waitingSince
            author {
              displayName
            }
            assignee {
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export const COMMUNITY_EVENTS = gql`
  subscription AdminCommunityEvents($community: String!) {
    communityEvents(community: $community) {
      __typename
    }
  }
`;

export const REPLY_FIELDS = gql`
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

export const THREAD = gql`
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

export const THREAD_REPLIES = gql`
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

export const THREAD_EVENTS = gql`
  subscription AdminThreadEvents($community: String!, $id: ID!) {
    threadEvents(community: $community, threadId: $id) {
      __typename
    }
  }
`;

export const EDIT_REPLY = gql`
  mutation AdminEditReply($input: EditReplyInput!) {
    editReply(input: $input) {
      id
    }
  }
`;

export const DELETE_REPLY = gql`
  mutation AdminDeleteReply($id: ID!) {
    deleteReply(replyId: $id)
  }
`;

export const REPLY = gql`
  mutation AdminReply($input: ReplyInput!) {
    reply(input: $input) {
      id
    }
  }
`;

export const SET_STATUS = gql`
  mutation AdminSetStatus($input: SetThreadStatusInput!) {
    setThreadStatus(input: $input) {
      id
    }
  }
`;

export const ASSIGN = gql`
  mutation AdminAssign($threadId: ID!, $staffId: ID) {
    assignThread(threadId: $threadId, staffId: $staffId) {
      id
    }
  }
`;

export const MERGE = gql`
  mutation AdminMerge($threadId: ID!, $into: ID!) {
    mergeThread(threadId: $threadId, intoThreadId: $into) {
      id
    }
  }
`;

export const SEARCH_THREADS = gql`
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
            }
          }
        }
      }
    }
  }
`;

/** Threads that may be the same as this one: the merge form's first suggestions. */
export const SIMILAR_THREADS = gql`
  query AdminSimilarThreads($community: String!, $title: String!, $body: String, $id: ID!) {
    community(slug: $community) {
      id
      similarThreads(title: $title, body: $body, excludeId: $id) {
        id
        title
        status
        voteCount
      }
    }
  }
`;

export const MODERATE_THREAD = gql`
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

export const MODERATE_REPLY = gql`
  mutation AdminModerateReply($id: ID!, $reason: String!, $hide: Boolean!) {
    hideReply(replyId: $id, reason: $reason) @include(if: $hide) {
      id
    }
    restoreReply(replyId: $id) @skip(if: $hide) {
      id
    }
  }
`;

export const MEMBER = gql`
  query AdminMember($community: String!, $id: ID!) {
    community(slug: $community) {
      id
      staffMembers {
        id
        name
      }
      member(id: $id) {
        id
        displayName
        avatarUrl
        email
        emailBouncedAt
        kind
        externalId
        attributes
        isAmbassador
        firstSeenAt
        lastSeenAt
        threadCount
        replyCount
        voteCount
        isSuspended
        suspendedReason
        standing {
          rank
          score
          love
          reach
          sentiment
          isSuggested
          isCritic
        }
        staffContacts {
          staff {
            name
            title
          }
          replies
          lastAt
        }
        contactHistory(first: 20) {
          id
          createdAt
          author {
            displayName
          }
          thread {
            id
            title
          }
        }
        owner {
          id
          name
        }
        consents {
          purpose
          granted
          source
          since
        }
        threads(first: 10) {
          edges {
            node {
              id
              title
              status
              createdAt
            }
          }
        }
      }
    }
  }
`;

export const SUSPEND = gql`
  mutation AdminSuspend($id: ID!, $reason: String!, $suspend: Boolean!, $hide: Boolean) {
    suspendMember(memberId: $id, reason: $reason, hideContent: $hide) @include(if: $suspend) {
      id
    }
    unsuspendMember(memberId: $id) @skip(if: $suspend) {
      id
    }
  }
`;

export const MEMBERS = gql`
  query AdminMembers($community: String!, $search: String, $orderBy: MemberOrder, $after: String) {
    community(slug: $community) {
      id
      members(first: 30, search: $search, orderBy: $orderBy, after: $after) {
        edges {
          node {
            id
            displayName
            email
            kind
            threadCount
            replyCount
            voteCount
            lastSeenAt
            isSuspended
            isAmbassador
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export const REPORTS = gql`
  query AdminReports($community: String!, $after: String) {
    community(slug: $community) {
      id
      reports(first: 30, after: $after) {
        edges {
          node {
            id
            reason
            createdAt
            reporter {
              displayName
            }
            thread {
              id
              title
              body
            }
            reply {
              id
              body
              author {
                displayName
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export const RESOLVE_REPORT = gql`
  mutation AdminResolveReport($id: ID!, $resolution: ReportResolution!) {
    resolveReport(reportId: $id, resolution: $resolution) {
      id
    }
  }
`;

export const STAFF = gql`
  query AdminStaff($community: String!) {
    community(slug: $community) {
      id
      staffMembers(includeFormer: true) {
        id
        name
        title
        email
        role
        badge
        agencyName
        isFormer
        hasPassword
        deactivatedAt
      }
    }
  }
`;

export const INVITE = gql`
  mutation AdminInvite($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      url
    }
  }
`;

export const PASSWORD_LINK = gql`
  mutation AdminPasswordLink($id: ID!) {
    issuePasswordLink(staffId: $id) {
      url
    }
  }
`;

export const UPDATE_STAFF = gql`
  mutation AdminUpdateStaff($input: UpdateStaffInput!) {
    updateStaff(input: $input) {
      id
    }
  }
`;

export const DEACTIVATE = gql`
  mutation AdminDeactivate($id: ID!, $successors: [ID!]!) {
    deactivateStaff(staffId: $id, successorIds: $successors) {
      movedThreads
      handovers {
        id
        to {
          name
        }
        members {
          id
        }
      }
      staff {
        name
        isFormer
        deactivatedAt
      }
      successors {
        name
      }
    }
  }
`;

export const END_AGENCY = gql`
  mutation AdminEndAgency($agency: String!, $successors: [ID!]!) {
    endAgency(agencyName: $agency, successorIds: $successors) {
      staff {
        name
      }
      handovers {
        id
        to {
          name
        }
      }
    }
  }
`;

export const SETTINGS = gql`
  query AdminSettings($community: String!) {
    community(slug: $community) {
      id
      name
      defaultLocale
      allowedOrigins
      ssoKeys {
        keyId
        createdAt
      }
      theme {
        property
        value
      }
    }
  }
`;

export const UPDATE_COMMUNITY = gql`
  mutation AdminUpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      id
    }
  }
`;

export const SET_ORIGINS = gql`
  mutation AdminSetOrigins($origins: [String!]!) {
    setAllowedOrigins(origins: $origins) {
      id
    }
  }
`;

export const ROTATE_KEY = gql`
  mutation AdminRotateKey {
    rotateSsoKey {
      keyId
      secret
    }
  }
`;

export const RETIRE_KEY = gql`
  mutation AdminRetireKey($keyId: String!) {
    retireSsoKey(keyId: $keyId) {
      id
    }
  }
`;

export const AUDIT = gql`
  query AdminAudit($community: String!, $action: String, $actorId: ID, $after: String) {
    community(slug: $community) {
      id
      auditLog(first: 50, action: $action, actorId: $actorId, after: $after) {
        edges {
          node {
            id
            action
            targetType
            targetId
            before
            after
            createdAt
            actor {
              name
            }
            actorMember {
              displayName
            }
            references {
              id
              type
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      staffMembers(includeFormer: true) {
        id
        name
      }
    }
  }
`;

export const UPDATE_PROFILE = gql`
  mutation AdminUpdateProfile($input: ProfileInput!) {
    updateMyProfile(input: $input) {
      id
      name
      title
      avatarUrl
      locale
    }
  }
`;

export const RANKING = gql`
  query AdminRanking($community: String!, $segment: RankingSegment, $after: String) {
    community(slug: $community) {
      id
      ranking(first: 25, segment: $segment, after: $after) {
        rules {
          ambassadors {
            percentile
            minRecentActivities
            recentDays
          }
          critics {
            reachPercentile
            minTexts
            maxSentiment
          }
        }
        edges {
          node {
            rank
            score
            love
            reach
            sentiment
            textCount
            trend
            isAmbassador
            isSuggested
            isCritic
            member {
              id
              displayName
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export const BREAKDOWN = gql`
  query AdminBreakdown($community: String!, $id: ID!) {
    community(slug: $community) {
      id
      member(id: $id) {
        id
        displayName
        isAmbassador
        standing {
          rank
          breakdown {
            love
            reach
            sentiment
            score
            settings {
              halfLifeDays
              score {
                love
                reach
                sentiment
              }
            }
            contributions {
              activityType
              component
              value
              at
              thread {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`;

export const FLAG_AMBASSADOR = gql`
  mutation AdminFlagAmbassador($id: ID!, $reason: String!, $flag: Boolean!) {
    flagAmbassador(memberId: $id, reason: $reason) @include(if: $flag) {
      id
    }
    unflagAmbassador(memberId: $id, reason: $reason) @skip(if: $flag) {
      id
    }
  }
`;

export const PULSE = gql`
  query AdminPulse($community: String!, $from: DateTime!, $to: DateTime!, $bucket: PulseBucketSize) {
    community(slug: $community) {
      id
      pulse(from: $from, to: $to, bucket: $bucket) {
        start
        end
        threads
        replies
        newMembers
        sentiment
        answeredShare
        medianFirstReplyMinutes
        topics {
          word
          count
        }
      }
    }
  }
`;

export const MARK_HELPFUL = gql`
  mutation AdminMarkHelpful($id: ID!, $helpful: Boolean!) {
    markReplyHelpful(replyId: $id) @include(if: $helpful) {
      id
    }
    unmarkReplyHelpful(replyId: $id) @skip(if: $helpful) {
      id
    }
  }
`;
