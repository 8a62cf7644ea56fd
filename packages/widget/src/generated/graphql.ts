/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type ConsentPurpose =
  /** News about the product (off until they agree). */
  | 'PRODUCT_UPDATES'
  /** Being contacted by staff directly (off until they agree). */
  | 'STAFF_CONTACT'
  /** Emails about threads they follow (on unless they turn it off). */
  | 'THREAD_NOTIFICATIONS';

export type EditReplyInput = {
  /** 1–10,000 characters. */
  body: string;
  replyId: string | number;
};

export type EditThreadInput = {
  body?: string | null | undefined;
  threadId: string | number;
  title?: string | null | undefined;
};

export type EmailDigest =
  /** One email a day with everything (08:00 UTC). */
  | 'DAILY'
  /** An email for each reply or status change. */
  | 'IMMEDIATE'
  /** No emails about followed threads. */
  | 'NEVER';

export type NotificationKind =
  /** A "What's new" entry shipped threads they asked for: changelogEntry. */
  | 'CHANGELOG'
  /** A thread they posted, voted for or follow was merged into another: mergedInto. */
  | 'MERGED'
  /** Someone replied in a thread they follow. */
  | 'REPLY'
  /** Staff changed the status of a thread they posted, voted for or follow. */
  | 'STATUS_CHANGED';

export type PostThreadInput = {
  /** Up to 10,000 characters. */
  body?: string | null | undefined;
  /** A key the client makes up for this request (a UUID): sending the same request again with it returns the first result instead of writing twice. Kept for a day. */
  idempotencyKey?: string | null | undefined;
  kind: ThreadKind;
  /** 3–140 characters, one line. */
  title: string;
};

export type ReplyInput = {
  /** 1–10,000 characters. */
  body: string;
  /** A key the client makes up for this request (a UUID): sending the same request again with it returns the first result instead of writing twice. Kept for a day. */
  idempotencyKey?: string | null | undefined;
  threadId: string | number;
};

export type ReportInput = {
  /** What is wrong with it (3–500 characters). */
  reason: string;
  /** Set to report a reply of the thread. */
  replyId?: string | number | null | undefined;
  threadId: string | number;
};

export type SearchMatchedIn =
  /** A reply in it, a customer’s or a staff member’s. */
  | 'REPLY'
  /** The thread's own title or text. */
  | 'THREAD';

/** How a staff member is labelled to customers. */
export type StaffBadge =
  /** Works for an agency on the brand's behalf: shown as "Agency for <brand>". */
  | 'AGENCY'
  /** Works for the brand. */
  | 'STAFF';

export type ThreadKind =
  | 'IDEA'
  | 'PRAISE'
  | 'PROBLEM'
  | 'QUESTION';

export type ThreadOrder =
  /** Newest first. */
  | 'NEW'
  /** Most votes first. */
  | 'TOP'
  /** Votes weighted by recency. */
  | 'TRENDING'
  /** Threads no staff member has answered yet, newest first. */
  | 'UNANSWERED';

export type ThreadRemoval =
  /** deleteThread: it disappears for everyone. */
  | 'DELETE'
  /** withdrawThread: the conversation stays, shown as withdrawn by its author. */
  | 'WITHDRAW';

/** OPEN → UNDER_REVIEW → PLANNED → IN_PROGRESS → SHIPPED, or DECLINED. */
export type ThreadStatus =
  | 'DECLINED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'PLANNED'
  | 'SHIPPED'
  | 'UNDER_REVIEW';

export type ViewerEventType =
  /** The community published a "What's new" entry. */
  | 'CHANGELOG_PUBLISHED'
  /** They were told of something: the notification count changed. */
  | 'NOTIFIED'
  /** The subscription is in place: the counts now, to catch up. */
  | 'SUBSCRIBED';

export type ViewerKind =
  /** Signed in through the brand (SSO token). */
  | 'CUSTOMER'
  /** Taking part under a display name, with a guest token. */
  | 'GUEST'
  /** A staff member, signed in to the admin console. */
  | 'STAFF';

export type WidgetAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type WidgetAccountQuery = { viewer: { emailDigest: EmailDigest | null, followOnVote: boolean | null, deletionDueAt: string | null, unreadNotificationCount: number, consents: Array<{ purpose: ConsentPurpose, granted: boolean, text: string }> | null, notifications: { edges: Array<{ node: { id: string, kind: NotificationKind, unread: boolean, status: ThreadStatus | null, createdAt: string, thread: { id: string, title: string } | null, mergedInto: { id: string, title: string } | null, changelogEntry: { id: string, title: string } | null, actor:
            | { displayName: string }
            | { displayName: string }
           | null } }> } | null } | null };

export type WidgetMarkReadMutationVariables = Exact<{ [key: string]: never; }>;


export type WidgetMarkReadMutation = { markNotificationsRead: number };

export type WidgetSetConsentMutationVariables = Exact<{
  purpose: ConsentPurpose;
  granted: boolean;
  text?: string | null | undefined;
}>;


export type WidgetSetConsentMutation = { setConsent: { purpose: ConsentPurpose, granted: boolean } };

export type WidgetSetDigestMutationVariables = Exact<{
  digest: EmailDigest;
}>;


export type WidgetSetDigestMutation = { setEmailDigest: EmailDigest };

export type WidgetExportQueryVariables = Exact<{ [key: string]: never; }>;


export type WidgetExportQuery = { viewer: { dataExport: unknown } | null };

export type WidgetDeleteAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type WidgetDeleteAccountMutation = { requestAccountDeletion: string };

export type WidgetKeepAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type WidgetKeepAccountMutation = { cancelAccountDeletion: boolean };

export type WidgetSetFollowOnVoteMutationVariables = Exact<{
  followOnVote: boolean;
}>;


export type WidgetSetFollowOnVoteMutation = { setFollowOnVote: boolean };

export type WidgetOpenAsksQueryVariables = Exact<{ [key: string]: never; }>;


export type WidgetOpenAsksQuery = { viewer: { openAsks: Array<{ id: string, question: string, details: string, choices: Array<string>, multiple: boolean, allowText: boolean, closesAt: string, publishedAt: string | null, author: { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }, viewerAnswer: { choices: Array<number>, text: string | null } | null }> } | null };

export type WidgetAnswerAskMutationVariables = Exact<{
  id: string | number;
  choices?: Array<number> | number | null | undefined;
  text?: string | null | undefined;
}>;


export type WidgetAnswerAskMutation = { answerAsk: { id: string, choices: Array<number>, text: string | null } };

export type WidgetCommunityQueryVariables = Exact<{
  community: string;
}>;


export type WidgetCommunityQuery = { community: { id: string, name: string, roadmapEnabled: boolean, defaultLocale: string, theme: Array<{ property: string, value: string }>, changelog: { edges: Array<{ node: { id: string, publishedAt: string | null } }> } } | null, viewer: { kind: ViewerKind, locale: string | null, unreadNotificationCount: number, unreadChangelogCount: number, member: { displayName: string } | null } | null };

export type WidgetSetMyLocaleMutationVariables = Exact<{
  locale: string;
}>;


export type WidgetSetMyLocaleMutation = { setMyLocale: string };

export type ThreadSummaryFragment = { id: string, kind: ThreadKind, status: ThreadStatus, title: string, voteCount: number, replyCount: number, answeredByStaff: boolean, createdAt: string, withdrawnAt: string | null, author:
    | { displayName: string }
    | { displayName: string }
   | null } & ({ viewerHasVoted: boolean } | { viewerHasVoted?: never });

export type WidgetThreadsQueryVariables = Exact<{
  community: string;
  first: number;
  after?: string | null | undefined;
  orderBy: ThreadOrder;
  status?: Array<ThreadStatus> | ThreadStatus | null | undefined;
  kind?: Array<ThreadKind> | ThreadKind | null | undefined;
  search?: string | null | undefined;
  signedIn: boolean;
}>;


export type WidgetThreadsQuery = { community: { id: string, name: string, threads: { edges: Array<{ node: { id: string, kind: ThreadKind, status: ThreadStatus, title: string, voteCount: number, replyCount: number, answeredByStaff: boolean, createdAt: string, withdrawnAt: string | null, viewerHasVoted: boolean, author:
            | { displayName: string }
            | { displayName: string }
           | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type WidgetSearchQueryVariables = Exact<{
  community: string;
  first: number;
  after?: string | null | undefined;
  status?: Array<ThreadStatus> | ThreadStatus | null | undefined;
  kind?: Array<ThreadKind> | ThreadKind | null | undefined;
  search: string;
  signedIn: boolean;
}>;


export type WidgetSearchQuery = { community: { id: string, search: { edges: Array<{ node: { matchedIn: SearchMatchedIn, excerpt: Array<{ text: string, match: boolean }>, thread: { id: string, kind: ThreadKind, status: ThreadStatus, title: string, voteCount: number, replyCount: number, answeredByStaff: boolean, createdAt: string, withdrawnAt: string | null, viewerHasVoted: boolean, author:
              | { displayName: string }
              | { displayName: string }
             | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type WidgetVoteMutationVariables = Exact<{
  id: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type WidgetVoteMutation = { vote: { id: string, voteCount: number, viewerHasVoted: boolean } };

export type WidgetUnvoteMutationVariables = Exact<{
  id: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type WidgetUnvoteMutation = { unvote: { id: string, voteCount: number, viewerHasVoted: boolean } };

export type WidgetShareCodeMutationVariables = Exact<{
  community: string;
}>;


export type WidgetShareCodeMutation = { shareCode: string };

export type WidgetShareVisitMutationVariables = Exact<{
  community: string;
  code: string;
  visitor: string;
  threadId?: string | number | null | undefined;
}>;


export type WidgetShareVisitMutation = { recordShareVisit: boolean };

export type WidgetStartGuestMutationVariables = Exact<{
  community: string;
  name: string;
  browser?: string | null | undefined;
}>;


export type WidgetStartGuestMutation = { startGuestSession: { token: string, viewer: { member: { displayName: string } | null } } };

export type WidgetPostThreadMutationVariables = Exact<{
  input: PostThreadInput;
}>;


export type WidgetPostThreadMutation = { postThread: { id: string } };

export type WidgetSimilarThreadsQueryVariables = Exact<{
  community: string;
  title: string;
  body?: string | null | undefined;
}>;


export type WidgetSimilarThreadsQuery = { community: { id: string, similarThreads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number, viewerIsAuthor: boolean }> } | null };

export type WidgetJoinThreadMutationVariables = Exact<{
  id: string | number;
  idempotencyKey?: string | null | undefined;
}>;


export type WidgetJoinThreadMutation = { vote: { id: string, voteCount: number }, follow: { id: string } };

export type WidgetRoadmapQueryVariables = Exact<{
  community: string;
  signedIn: boolean;
}>;


export type WidgetRoadmapQuery = { community: { id: string, roadmap: { planned: Array<{ id: string, kind: ThreadKind, status: ThreadStatus, title: string, voteCount: number, replyCount: number, answeredByStaff: boolean, createdAt: string, withdrawnAt: string | null, viewerHasVoted: boolean, author:
          | { displayName: string }
          | { displayName: string }
         | null }>, inProgress: Array<{ id: string, kind: ThreadKind, status: ThreadStatus, title: string, voteCount: number, replyCount: number, answeredByStaff: boolean, createdAt: string, withdrawnAt: string | null, viewerHasVoted: boolean, author:
          | { displayName: string }
          | { displayName: string }
         | null }>, shipped: Array<{ id: string, kind: ThreadKind, status: ThreadStatus, title: string, voteCount: number, replyCount: number, answeredByStaff: boolean, createdAt: string, withdrawnAt: string | null, viewerHasVoted: boolean, author:
          | { displayName: string }
          | { displayName: string }
         | null }> } | null } | null };

export type WidgetGuestActivityFieldsFragment = { displayName: string, threadCount: number, replyCount: number, voteCount: number, followCount: number };

export type WidgetGuestActivityQueryVariables = Exact<{
  token: string;
}>;


export type WidgetGuestActivityQuery = { guestActivity: { displayName: string, threadCount: number, replyCount: number, voteCount: number, followCount: number } | null };

export type WidgetBringGuestActivityMutationVariables = Exact<{
  token: string;
}>;


export type WidgetBringGuestActivityMutation = { bringGuestActivity: { displayName: string, threadCount: number, replyCount: number, voteCount: number, followCount: number } };

type Author_Member_Fragment = { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null };

type Author_StaffMember_Fragment = { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null };

export type AuthorFragment =
  | Author_Member_Fragment
  | Author_StaffMember_Fragment
;

export type ReplyFragment = { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, editedAt: string | null, viewerCanEdit: boolean, viewerIsAuthor: boolean, isHelpful: boolean, author:
    | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
    | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
   | null };

export type StatusUpdateFragment = { to: ThreadStatus, noteFormatted: import('@rapport/shared/formatted-text.ts').FormattedText | null, createdAt: string, staff: { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }, changelogEntry: { id: string, title: string } | null };

export type WidgetThreadQueryVariables = Exact<{
  community: string;
  id: string | number;
  signedIn: boolean;
}>;


export type WidgetThreadQuery = { community: { id: string, name: string, thread: { id: string, kind: ThreadKind, status: ThreadStatus, title: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, voteCount: number, replyCount: number, followerCount: number, answeredByStaff: boolean, isLocked: boolean, editedAt: string | null, withdrawnAt: string | null, mergedInto: { id: string, title: string } | null, author:
        | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
        | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
       | null, lastStatusChange: { to: ThreadStatus, noteFormatted: import('@rapport/shared/formatted-text.ts').FormattedText | null, createdAt: string, staff: { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }, changelogEntry: { id: string, title: string } | null } | null, replies: { edges: Array<{ node: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, editedAt: string | null, viewerCanEdit: boolean, viewerIsAuthor: boolean, isHelpful: boolean, author:
              | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
              | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
             | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } & ({ viewerHasVoted: boolean } | { viewerHasVoted?: never }) & ({ viewerIsFollowing: boolean } | { viewerIsFollowing?: never }) & ({ viewerCanEdit: boolean } | { viewerCanEdit?: never }) & ({ viewerIsAuthor: boolean } | { viewerIsAuthor?: never }) & ({ viewerRemoval: ThreadRemoval | null } | { viewerRemoval?: never }) | null } | null };

export type WidgetMoreRepliesQueryVariables = Exact<{
  community: string;
  id: string | number;
  after?: string | null | undefined;
}>;


export type WidgetMoreRepliesQuery = { community: { id: string, thread: { id: string, voteCount: number, replyCount: number, status: ThreadStatus, replies: { edges: Array<{ node: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, editedAt: string | null, viewerCanEdit: boolean, viewerIsAuthor: boolean, isHelpful: boolean, author:
              | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
              | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
             | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null } | null };

export type WidgetThreadEventsSubscriptionVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type WidgetThreadEventsSubscription = { threadEvents:
    | { __typename: 'ReplyAddedEvent', reply: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, editedAt: string | null, viewerCanEdit: boolean, viewerIsAuthor: boolean, isHelpful: boolean, author:
          | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
          | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
         | null } }
    | { __typename: 'ReplyEditedEvent', reply: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, editedAt: string | null, viewerCanEdit: boolean, viewerIsAuthor: boolean, isHelpful: boolean, author:
          | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
          | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
         | null } }
    | { __typename: 'ReplyRemovedEvent', replyId: string }
    | { __typename: 'StatusChangedEvent', statusChange: { to: ThreadStatus, noteFormatted: import('@rapport/shared/formatted-text.ts').FormattedText | null, createdAt: string, staff: { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }, changelogEntry: { id: string, title: string } | null } }
    | { __typename: 'SubscriptionStartedEvent' }
    | { __typename: 'ThreadEditedEvent', thread: { title: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, editedAt: string | null, withdrawnAt: string | null, isLocked: boolean, mergedInto: { id: string, title: string } | null } }
    | { __typename: 'ThreadPostedEvent' }
    | { __typename: 'ThreadRemovedEvent' }
    | { __typename: 'VoteCountChangedEvent', voteCount: number }
   };

export type WidgetReplyMutationVariables = Exact<{
  input: ReplyInput;
}>;


export type WidgetReplyMutation = { reply: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, editedAt: string | null, viewerCanEdit: boolean, viewerIsAuthor: boolean, isHelpful: boolean, author:
      | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
      | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
     | null } };

export type WidgetEditThreadMutationVariables = Exact<{
  input: EditThreadInput;
}>;


export type WidgetEditThreadMutation = { editThread: { id: string, title: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, editedAt: string | null } };

export type WidgetWithdrawThreadMutationVariables = Exact<{
  id: string | number;
}>;


export type WidgetWithdrawThreadMutation = { withdrawThread: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, withdrawnAt: string | null, viewerCanEdit: boolean, viewerRemoval: ThreadRemoval | null } };

export type WidgetDeleteThreadMutationVariables = Exact<{
  id: string | number;
}>;


export type WidgetDeleteThreadMutation = { deleteThread: string };

export type WidgetEditReplyMutationVariables = Exact<{
  input: EditReplyInput;
}>;


export type WidgetEditReplyMutation = { editReply: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, editedAt: string | null, viewerCanEdit: boolean, viewerIsAuthor: boolean, isHelpful: boolean, author:
      | { __typename: 'Member', isAmbassador: boolean, displayName: string, avatarUrl: string | null }
      | { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }
     | null } };

export type WidgetDeleteReplyMutationVariables = Exact<{
  id: string | number;
}>;


export type WidgetDeleteReplyMutation = { deleteReply: string };

export type WidgetFollowMutationVariables = Exact<{
  id: string | number;
}>;


export type WidgetFollowMutation = { follow: { id: string, viewerIsFollowing: boolean, followerCount: number } };

export type WidgetUnfollowMutationVariables = Exact<{
  id: string | number;
}>;


export type WidgetUnfollowMutation = { unfollow: { id: string, viewerIsFollowing: boolean, followerCount: number } };

export type WidgetReportMutationVariables = Exact<{
  input: ReportInput;
}>;


export type WidgetReportMutation = { reportContent: { id: string } };

export type WidgetViewerEventsSubscriptionVariables = Exact<{
  community: string;
}>;


export type WidgetViewerEventsSubscription = { viewerEvents: { type: ViewerEventType, unreadNotificationCount: number, unreadChangelogCount: number } };

export type WidgetWhatsNewQueryVariables = Exact<{
  community: string;
  after?: string | null | undefined;
}>;


export type WidgetWhatsNewQuery = { community: { id: string, changelog: { edges: Array<{ node: { id: string, title: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, publishedAt: string | null, editedAt: string | null, author: { __typename: 'StaffMember', title: string | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, displayName: string, avatarUrl: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type WidgetMarkNewsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type WidgetMarkNewsReadMutation = { markChangelogRead: number };
