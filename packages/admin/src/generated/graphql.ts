/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type ApiKeyScope =
  /** Read demand: ideas by who wants them (Community.demand, demandCsv). */
  | 'READ_DEMAND'
  /** Read members (with e-mail and attributes) and the ranking. */
  | 'READ_MEMBERS'
  /** Create and update members, with their attributes (upsertMembers). */
  | 'WRITE_MEMBERS';

export type AskEventType =
  /** A member answered, or changed their answer. */
  | 'ANSWERED'
  /** The subscription is in place: read the results now, to catch up. */
  | 'SUBSCRIBED';

/** An ask as staff write it. Once published, only `details` and `closesAt` change. */
export type AskInput = {
  /** A poll also takes a written answer. */
  allowText?: boolean | null | undefined;
  /** A poll’s 2–10 choices (up to 120 characters each); none: a question answered in words. */
  choices?: Array<string> | null | undefined;
  /** In the future, within a year. */
  closesAt?: string | null | undefined;
  /** Up to 5,000 characters of plain text. */
  details?: string | null | undefined;
  multiple?: boolean | null | undefined;
  /** One line, up to 200 characters (required to create). */
  question?: string | null | undefined;
  /** Who is asked; null: everyone. */
  segmentId?: string | number | null | undefined;
};

export type AskStatus =
  /** Past its closing time, or closed by staff: answers are final. */
  | 'CLOSED'
  /** Staff only, not asked yet. */
  | 'DRAFT'
  /** Asked: its members see it and may answer, or change their answer. */
  | 'OPEN';

/** One attribute’s test: `equals` a value, `in` some values, or within `min`–`max` (numbers). One of them. */
export type AttributeRuleInput = {
  equals?: string | number | boolean | null | undefined;
  in?: Array<string | number | boolean> | null | undefined;
  key: string;
  max?: number | null | undefined;
  min?: number | null | undefined;
};

export type ChangelogEntryInput = {
  /** Up to 20,000 characters of Markdown: paragraphs, emphasis, links, lists and code. */
  body?: string | null | undefined;
  /** The threads it delivers (at most 50), replacing those it had. */
  threadIds?: Array<string | number> | null | undefined;
  /** 3–140 characters, one line (required to create). */
  title?: string | null | undefined;
};

/** DRAFT (staff only), SCHEDULED (publishes itself at publishAt) or PUBLISHED. */
export type ChangelogStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SCHEDULED';

export type CleanupReason =
  /** Their mail server refused their address for good. */
  | 'ADDRESS_REFUSED'
  /** An email to them failed after every retry. */
  | 'DELIVERY_FAILED'
  /** Turned off emails about followed threads, and inactive since. */
  | 'EMAILS_TURNED_OFF'
  /** Not seen, took part in nothing, and agreed to no contact. */
  | 'NOT_SEEN_WITHOUT_CONSENT';

export type CleanupRule =
  /** Their mail server refused their address, or an email to them failed after every retry. */
  | 'BOUNCED'
  /** Agreed neither to product updates nor to contact. */
  | 'INACTIVE_WITHOUT_CONSENT'
  /** Turned off emails about the threads they follow (and inactive, like every rule). */
  | 'UNSUBSCRIBED';

export type ConsentPurpose =
  /** News about the product (off until they agree). */
  | 'PRODUCT_UPDATES'
  /** Being contacted by staff directly (off until they agree). */
  | 'STAFF_CONTACT'
  /** Emails about threads they follow (on unless they turn it off). */
  | 'THREAD_NOTIFICATIONS';

export type ConsentSource =
  | 'ADMIN'
  | 'IMPORT'
  | 'SSO'
  | 'UNSUBSCRIBE_LINK'
  | 'WIDGET';

export type DemandOrder =
  /** Voters in `segmentId`. */
  | 'SEGMENT_VOTERS'
  /** Unique voters. */
  | 'VOTERS'
  /** The sum of `weightBy` over the voters (e.g. their monthly revenue). */
  | 'WEIGHT';

export type EditReplyInput = {
  /** 1–10,000 characters. */
  body: string;
  replyId: string | number;
};

export type HandoverReason =
  /** Their agency's work for the brand ended. */
  | 'AGENCY_ENDED'
  /** The staff member was deactivated. */
  | 'DEACTIVATION';

export type InviteStaffInput = {
  /** Required for AGENCY. */
  agencyName?: string | null | undefined;
  email: string;
  name: string;
  role: StaffRole;
  title?: string | null | undefined;
};

export type MemberKind =
  /** Took part as a guest. */
  | 'GUEST'
  /** Signed in through the brand. */
  | 'SSO';

export type MemberOrder =
  | 'LAST_SEEN'
  | 'NAME'
  | 'NEWEST'
  | 'REPLIES'
  | 'THREADS'
  | 'VOTES';

export type OutreachSettingsInput = {
  /** An http(s) page on an allowed origin; empty removes it. */
  communityPageUrl?: string | null | undefined;
  /** An email address; empty: the server’s. */
  fromAddress?: string | null | undefined;
  roadmapEnabled?: boolean | null | undefined;
  /** 1–365. */
  roadmapShippedDays?: number | null | undefined;
};

export type Participation =
  /** Either. */
  | 'EITHER'
  /** Posted the thread or replied in it. */
  | 'POSTED'
  /** Voted for it. */
  | 'VOTED';

export type ProfileInput = {
  /** An http(s) URL of a square picture; empty to remove it. */
  avatarUrl?: string | null | undefined;
  /** The console's language (a shipped locale, e.g. "de"); empty to follow the browser. */
  locale?: string | null | undefined;
  name?: string | null | undefined;
  title?: string | null | undefined;
};

export type PulseBucketSize =
  /** UTC days. */
  | 'DAY'
  /** ISO weeks (from Monday). */
  | 'WEEK';

export type RankingSegment =
  /** Everyone whose activity counts, highest score first. */
  | 'ALL'
  /** Members the team flagged as ambassadors. */
  | 'AMBASSADORS'
  /** High reach and persistently negative: people to reach out to (never hidden or penalised). */
  | 'CRITICS'
  /** Not flagged yet, but in the top percentile, active lately, and positive: worth a look. */
  | 'SUGGESTED';

export type ReplyInput = {
  /** 1–10,000 characters. */
  body: string;
  /** A key the client makes up for this request (a UUID): sending the same request again with it returns the first result instead of writing twice. Kept for a day. */
  idempotencyKey?: string | null | undefined;
  threadId: string | number;
};

export type ReportResolution =
  /** The report was looked at and the content left as it is. */
  | 'DISMISSED'
  /** The reported content was hidden. */
  | 'HIDDEN';

export type ScoreComponent =
  /** How much they take part. */
  | 'LOVE'
  /** How much others respond to them. */
  | 'REACH'
  /** How their posts and replies feel. */
  | 'SENTIMENT';

export type SegmentConsentRuleInput = {
  granted: boolean;
  purpose: ConsentPurpose;
};

/** Who is in a segment: every rule given holds. No rules: every member. */
export type SegmentRulesInput = {
  /** Took part within these many days (1–3,650). */
  activeWithinDays?: number | null | undefined;
  attributes?: Array<AttributeRuleInput> | null | undefined;
  consent?: SegmentConsentRuleInput | null | undefined;
  /** The languages they read (their own choice). */
  locales?: Array<string> | null | undefined;
  /** In the top by score: 90 is the top tenth. */
  minScorePercentile?: number | null | undefined;
  /** Their place in the ranking. */
  standing?: SegmentStanding | null | undefined;
  thread?: SegmentThreadRuleInput | null | undefined;
};

export type SegmentStanding =
  | 'AMBASSADORS'
  | 'CRITICS'
  | 'SUGGESTED';

export type SegmentThreadRuleInput = {
  how?: Participation | null | undefined;
  threadId: string | number;
};

export type SetThreadStatusInput = {
  /** Shown to followers with the change; up to 1,000 characters. */
  note?: string | null | undefined;
  status: ThreadStatus;
  threadId: string | number;
};

/** How a staff member is labelled to customers. */
export type StaffBadge =
  /** Works for an agency on the brand's behalf: shown as "Agency for <brand>". */
  | 'AGENCY'
  /** Works for the brand. */
  | 'STAFF';

export type StaffRole =
  | 'AGENCY'
  | 'MANAGER'
  | 'OWNER'
  | 'STAFF';

export type ThemeValueInput = {
  /** One of --rapport-accent, --rapport-accent-text, --rapport-bg, --rapport-surface, --rapport-text, --rapport-muted, --rapport-border, --rapport-danger, --rapport-success, --rapport-accent-dark, --rapport-accent-text-dark, --rapport-bg-dark, --rapport-surface-dark, --rapport-text-dark, --rapport-muted-dark, --rapport-border-dark, --rapport-danger-dark, --rapport-success-dark, --rapport-font, --rapport-radius, --rapport-space. */
  property: string;
  /** A plain CSS value (a colour, a length, font names); empty to remove. */
  value: string;
};

export type ThreadKind =
  | 'IDEA'
  | 'PRAISE'
  | 'PROBLEM'
  | 'QUESTION';

/** OPEN → UNDER_REVIEW → PLANNED → IN_PROGRESS → SHIPPED, or DECLINED. */
export type ThreadStatus =
  | 'DECLINED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'PLANNED'
  | 'SHIPPED'
  | 'UNDER_REVIEW';

export type UpdateCommunityInput = {
  /** The widget's language when the page, the token and the browser ask for none we ship; also emails' for members without one. */
  defaultLocale?: string | null | undefined;
  name?: string | null | undefined;
  /** Replaces the whole theme. */
  theme?: Array<ThemeValueInput> | null | undefined;
};

export type UpdateStaffInput = {
  agencyName?: string | null | undefined;
  name?: string | null | undefined;
  role?: StaffRole | null | undefined;
  staffId: string | number;
  title?: string | null | undefined;
};

export type ViewerKind =
  /** Signed in through the brand (SSO token). */
  | 'CUSTOMER'
  /** Taking part under a display name, with a guest token. */
  | 'GUEST'
  /** A staff member, signed in to the admin console. */
  | 'STAFF';

export type WebhookDeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING';

export type WebhookEvent =
  | 'AMBASSADOR_POSTED'
  | 'ASK_ANSWERED'
  | 'ASK_CLOSED'
  | 'ASK_PUBLISHED'
  | 'CHANGELOG_PUBLISHED'
  | 'CONSENT_CHANGED'
  | 'CRITIC_POSTED'
  | 'IDEA_CREATED'
  | 'IDEA_VOTES_PASSED'
  | 'MEMBER_ERASED'
  | 'MEMBER_FLAGGED'
  | 'REPLY_CREATED'
  | 'STATUS_CHANGED'
  | 'THREAD_CREATED';

export type WebhookFormat =
  /** An alert for a Discord webhook (an embed; nobody is mentioned). */
  | 'DISCORD'
  /** Rapport’s event as JSON, signed (X-Rapport-Signature). */
  | 'JSON'
  /** An alert for a Slack incoming webhook (blocks). */
  | 'SLACK'
  /** An alert for a Microsoft Teams Workflows webhook (an adaptive card). */
  | 'TEAMS';

export type AdminApiKeysQueryVariables = Exact<{
  community: string;
}>;


export type AdminApiKeysQuery = { community: { id: string, apiKeys: Array<{ id: string, name: string, scopes: Array<ApiKeyScope>, keyStart: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, createdBy: { id: string, name: string } | null }> } | null };

export type AdminCreateApiKeyMutationVariables = Exact<{
  name: string;
  scopes: Array<ApiKeyScope> | ApiKeyScope;
}>;


export type AdminCreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string } } };

export type AdminRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminRevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type AskTallyFragment = { label: string | null, answered: number, counts: Array<number> };

export type AdminCreateAskMutationVariables = Exact<{
  input: AskInput;
}>;


export type AdminCreateAskMutation = { createAsk: { id: string } };

export type AdminAskQueryVariables = Exact<{
  community: string;
  id: string | number;
  segmentIds?: Array<string | number> | string | number | null | undefined;
  attribute?: string | null | undefined;
}>;


export type AdminAskQuery = { community: { id: string, ask: { id: string, question: string, details: string, choices: Array<string>, multiple: boolean, allowText: boolean, status: AskStatus, closesAt: string, publishedAt: string | null, targetName: string | null, segment: { id: string, name: string } | null, author: { id: string, name: string, title: string | null }, followUp: { id: string, title: string } | null, results: { asked: number, overall: { label: string | null, answered: number, counts: Array<number> }, bySegment: Array<{ label: string | null, answered: number, counts: Array<number> }>, byAttribute: Array<{ label: string | null, answered: number, counts: Array<number> }> }, answers: Array<{ id: string, choices: Array<number>, text: string | null, updatedAt: string, member: { id: string, displayName: string } }> } | null, segments: Array<{ id: string, name: string }> } | null };

export type AdminAskCsvQueryVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type AdminAskCsvQuery = { community: { id: string, ask: { id: string, csv: string } | null } | null };

export type AdminAskEventsSubscriptionVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type AdminAskEventsSubscription = { askEvents: { type: AskEventType } };

export type AdminPublishAskMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminPublishAskMutation = { publishAsk: { id: string } };

export type AdminCloseAskMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminCloseAskMutation = { closeAsk: { id: string } };

export type AdminDeleteAskMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminDeleteAskMutation = { deleteAsk: string };

export type AdminOpenAskFollowUpMutationVariables = Exact<{
  id: string | number;
  kind: ThreadKind;
  title: string;
  body?: string | null | undefined;
}>;


export type AdminOpenAskFollowUpMutation = { openAskFollowUp: { id: string } };

export type AdminAsksQueryVariables = Exact<{
  community: string;
}>;


export type AdminAsksQuery = { community: { id: string, asks: Array<{ id: string, question: string, status: AskStatus, closesAt: string, targetName: string | null, segment: { id: string, name: string } | null, author: { id: string, name: string } }>, segments: Array<{ id: string, name: string }> } | null };

export type AdminAuditQueryVariables = Exact<{
  community: string;
  action?: string | null | undefined;
  actorId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminAuditQuery = { community: { id: string, auditLog: { edges: Array<{ node: { id: string, action: string, targetType: string, targetId: string, before: unknown, after: unknown, createdAt: string, actor: { name: string } | null, actorMember: { displayName: string } | null, references: Array<{ id: string, type: string, name: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, staffMembers: Array<{ id: string, name: string }> } | null };

type AdminAuthor_Member_Fragment = { __typename: 'Member', id: string, isAmbassador: boolean, displayName: string, avatarUrl: string | null };

type AdminAuthor_StaffMember_Fragment = { __typename: 'StaffMember', id: string, title: string | null, badge: StaffBadge, isFormer: boolean, displayName: string, avatarUrl: string | null };

export type AdminAuthorFragment =
  | AdminAuthor_Member_Fragment
  | AdminAuthor_StaffMember_Fragment
;

export type AdminChangelogEntryFragment = { id: string, title: string, body: string, status: ChangelogStatus, publishAt: string | null, publishedAt: string | null, editedAt: string | null, createdAt: string, author: { id: string, name: string, title: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number }> };

export type AdminChangelogQueryVariables = Exact<{
  community: string;
  status?: ChangelogStatus | null | undefined;
}>;


export type AdminChangelogQuery = { community: { id: string, changelog: { edges: Array<{ node: { id: string, title: string, body: string, status: ChangelogStatus, publishAt: string | null, publishedAt: string | null, editedAt: string | null, createdAt: string, author: { id: string, name: string, title: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number }> } }> } } | null };

export type AdminChangelogEntryByIdQueryVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type AdminChangelogEntryByIdQuery = { community: { id: string, changelogEntry: { id: string, title: string, body: string, status: ChangelogStatus, publishAt: string | null, publishedAt: string | null, editedAt: string | null, createdAt: string, author: { id: string, name: string, title: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number }> } | null } | null };

export type AdminCreateEntryMutationVariables = Exact<{
  input: ChangelogEntryInput;
}>;


export type AdminCreateEntryMutation = { createChangelogEntry: { id: string, title: string, body: string, status: ChangelogStatus, publishAt: string | null, publishedAt: string | null, editedAt: string | null, createdAt: string, author: { id: string, name: string, title: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number }> } };

export type AdminUpdateEntryMutationVariables = Exact<{
  id: string | number;
  input: ChangelogEntryInput;
}>;


export type AdminUpdateEntryMutation = { updateChangelogEntry: { id: string, title: string, body: string, status: ChangelogStatus, publishAt: string | null, publishedAt: string | null, editedAt: string | null, createdAt: string, author: { id: string, name: string, title: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number }> } };

export type AdminPublishEntryMutationVariables = Exact<{
  id: string | number;
  at?: string | null | undefined;
}>;


export type AdminPublishEntryMutation = { publishChangelogEntry: { id: string, title: string, body: string, status: ChangelogStatus, publishAt: string | null, publishedAt: string | null, editedAt: string | null, createdAt: string, author: { id: string, name: string, title: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number }> } };

export type AdminUnpublishEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminUnpublishEntryMutation = { unpublishChangelogEntry: { id: string, title: string, body: string, status: ChangelogStatus, publishAt: string | null, publishedAt: string | null, editedAt: string | null, createdAt: string, author: { id: string, name: string, title: string | null }, threads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number }> } };

export type AdminDeleteEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminDeleteEntryMutation = { deleteChangelogEntry: boolean };

export type AdminFormattedPreviewQueryVariables = Exact<{
  text: string;
}>;


export type AdminFormattedPreviewQuery = { formattedPreview: import('@rapport/shared/formatted-text.ts').FormattedText };

export type AdminCleanupPreviewQueryVariables = Exact<{
  community: string;
  rule: CleanupRule;
  inactiveDays?: number | null | undefined;
  segmentId?: string | number | null | undefined;
}>;


export type AdminCleanupPreviewQuery = { community: { id: string, cleanupPreview: { total: number, memberIds: Array<string>, candidates: Array<{ reason: CleanupReason, lastActiveAt: string, member: { id: string, displayName: string, email: string | null } }> } } | null };

export type AdminCleanupsQueryVariables = Exact<{
  community: string;
}>;


export type AdminCleanupsQuery = { community: { id: string, cleanups: Array<{ id: string, rule: CleanupRule, memberCount: number, dueAt: string, canUndo: boolean, undoneAt: string | null, createdAt: string, by: { name: string } | null }>, segments: Array<{ id: string, name: string }> } | null };

export type AdminRunCleanupMutationVariables = Exact<{
  rule: CleanupRule;
  inactiveDays?: number | null | undefined;
  segmentId?: string | number | null | undefined;
  ids: Array<string | number> | string | number;
}>;


export type AdminRunCleanupMutation = { runCleanup: { skipped: number, cleanup: { id: string, memberCount: number, dueAt: string } } };

export type AdminUndoCleanupMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminUndoCleanupMutation = { undoCleanup: { id: string, canUndo: boolean } };

export type AdminDemandQueryVariables = Exact<{
  community: string;
  orderBy?: DemandOrder | null | undefined;
  weightBy?: string | null | undefined;
  segmentId?: string | number | null | undefined;
  status?: Array<ThreadStatus> | ThreadStatus | null | undefined;
}>;


export type AdminDemandQuery = { community: { id: string, segments: Array<{ id: string, name: string }>, demand: { ideas: Array<{ voters: number, weight: number | null, segmentVoters: number | null, trend: Array<number>, thread: { id: string, title: string, status: ThreadStatus }, bySegment: Array<{ standing: string | null, voters: number, share: number, segment: { id: string, name: string } | null }> }> } } | null };

export type AdminDemandCsvQueryVariables = Exact<{
  community: string;
  orderBy?: DemandOrder | null | undefined;
  weightBy?: string | null | undefined;
  segmentId?: string | number | null | undefined;
  status?: Array<ThreadStatus> | ThreadStatus | null | undefined;
}>;


export type AdminDemandCsvQuery = { community: { id: string, demandCsv: string } | null };

export type AdminHandoversQueryVariables = Exact<{
  community: string;
}>;


export type AdminHandoversQuery = { community: { id: string, handovers: Array<{ id: string, reason: HandoverReason, createdAt: string, followedThreadCount: number, from: { name: string }, to: { name: string }, by: { name: string } | null, threads: Array<{ id: string, title: string }>, members: Array<{ id: string }>, brief: Array<{ displayName: string, email: string | null, summary: string, topics: Array<string>, sentiment: number | null, facts: { threadCount: number, replyCount: number, voteCount: number, memberSince: string, lastAnsweredBy: string | null, lastAnsweredAt: string | null } | null, member: { id: string } | null, openQuestions: Array<{ title: string, waitingSince: string, thread: { id: string } | null }> }> }> } | null };

export type AdminInboxQueryVariables = Exact<{
  community: string;
  after?: string | null | undefined;
  kind?: Array<ThreadKind> | ThreadKind | null | undefined;
  status?: Array<ThreadStatus> | ThreadStatus | null | undefined;
  assignedToMe?: boolean | null | undefined;
  mentionsMe?: boolean | null | undefined;
}>;


export type AdminInboxQuery = { community: { id: string, inbox: { edges: Array<{ node: { id: string, kind: ThreadKind, status: ThreadStatus, title: string, replyCount: number, voteCount: number, waitingSince: string | null, author:
            | { displayName: string }
            | { displayName: string }
           | null, assignee: { name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type AdminCommunityEventsSubscriptionVariables = Exact<{
  community: string;
}>;


export type AdminCommunityEventsSubscription = { communityEvents:
    | { __typename: 'ReplyAddedEvent' }
    | { __typename: 'ReplyEditedEvent' }
    | { __typename: 'ReplyRemovedEvent' }
    | { __typename: 'StatusChangedEvent' }
    | { __typename: 'SubscriptionStartedEvent' }
    | { __typename: 'ThreadEditedEvent' }
    | { __typename: 'ThreadPostedEvent' }
    | { __typename: 'ThreadRemovedEvent' }
    | { __typename: 'VoteCountChangedEvent' }
   };

export type AdminMemberQueryVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type AdminMemberQuery = { community: { id: string, staffMembers: Array<{ id: string, name: string }>, member: { id: string, displayName: string, avatarUrl: string | null, email: string | null, emailBouncedAt: string | null, kind: MemberKind | null, externalId: string | null, attributes: unknown, isAmbassador: boolean, firstSeenAt: string | null, lastSeenAt: string | null, threadCount: number | null, replyCount: number | null, voteCount: number | null, isSuspended: boolean | null, suspendedReason: string | null, standing: { rank: number, score: number, love: number, reach: number, sentiment: number | null, isSuggested: boolean, isCritic: boolean } | null, staffContacts: Array<{ replies: number, lastAt: string, staff: { name: string, title: string | null } }> | null, contactHistory: Array<{ id: string, createdAt: string, author:
          | { displayName: string }
          | { displayName: string }
         | null, thread: { id: string, title: string } }> | null, owner: { id: string, name: string } | null, consents: Array<{ purpose: ConsentPurpose, granted: boolean, source: ConsentSource | null, since: string | null }> | null, threads: { edges: Array<{ node: { id: string, title: string, status: ThreadStatus, createdAt: string } }> } | null } | null } | null };

export type AdminSuspendMutationVariables = Exact<{
  id: string | number;
  reason: string;
  suspend: boolean;
  hide?: boolean | null | undefined;
}>;


export type AdminSuspendMutation = { suspendMember?: { id: string }, unsuspendMember?: { id: string } };

export type AdminMembersQueryVariables = Exact<{
  community: string;
  search?: string | null | undefined;
  orderBy?: MemberOrder | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminMembersQuery = { community: { id: string, members: { edges: Array<{ node: { id: string, displayName: string, email: string | null, kind: MemberKind | null, threadCount: number | null, replyCount: number | null, voteCount: number | null, lastSeenAt: string | null, isSuspended: boolean | null, isAmbassador: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type AdminSetOwnerMutationVariables = Exact<{
  member: string | number;
  owner?: string | number | null | undefined;
}>;


export type AdminSetOwnerMutation = { setMemberOwner: { id: string } };

export type AdminRecordConsentMutationVariables = Exact<{
  member: string | number;
  purpose: ConsentPurpose;
  granted: boolean;
  text: string;
}>;


export type AdminRecordConsentMutation = { recordMemberConsent: { purpose: ConsentPurpose, granted: boolean } };

export type AdminReportsQueryVariables = Exact<{
  community: string;
  after?: string | null | undefined;
}>;


export type AdminReportsQuery = { community: { id: string, reports: { edges: Array<{ node: { id: string, reason: string, createdAt: string, reporter: { displayName: string }, thread: { id: string, title: string, body: string }, reply: { id: string, body: string, author:
              | { displayName: string }
              | { displayName: string }
             | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type AdminResolveReportMutationVariables = Exact<{
  id: string | number;
  resolution: ReportResolution;
}>;


export type AdminResolveReportMutation = { resolveReport: { id: string } };

export type AdminOutreachQueryVariables = Exact<{
  community: string;
}>;


export type AdminOutreachQuery = { community: { id: string, slug: string, outreach: { roadmapEnabled: boolean, roadmapShippedDays: number, communityPageUrl: string | null, fromAddress: string | null } | null } | null };

export type AdminUpdateOutreachMutationVariables = Exact<{
  input: OutreachSettingsInput;
}>;


export type AdminUpdateOutreachMutation = { updateOutreachSettings: { id: string, outreach: { roadmapEnabled: boolean, roadmapShippedDays: number, communityPageUrl: string | null, fromAddress: string | null } | null } };

export type AdminRotateInboundMutationVariables = Exact<{ [key: string]: never; }>;


export type AdminRotateInboundMutation = { rotateInboundEmailSecret: string };

export type AdminRankingQueryVariables = Exact<{
  community: string;
  segment?: RankingSegment | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminRankingQuery = { community: { id: string, ranking: { rules: { ambassadors: { percentile: number, minRecentActivities: number, recentDays: number }, critics: { reachPercentile: number, minTexts: number, maxSentiment: number } }, edges: Array<{ node: { rank: number, score: number, love: number, reach: number, sentiment: number | null, textCount: number, trend: number, isAmbassador: boolean, isSuggested: boolean, isCritic: boolean, member: { id: string, displayName: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type AdminBreakdownQueryVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type AdminBreakdownQuery = { community: { id: string, member: { id: string, displayName: string, isAmbassador: boolean, standing: { rank: number, breakdown: { love: number, reach: number, sentiment: number | null, score: number, settings: { halfLifeDays: number, score: { love: number, reach: number, sentiment: number } }, contributions: Array<{ activityType: string, component: ScoreComponent, value: number | null, at: string, thread: { id: string, title: string } | null }> } } | null } | null } | null };

export type AdminFlagAmbassadorMutationVariables = Exact<{
  id: string | number;
  reason: string;
  flag: boolean;
}>;


export type AdminFlagAmbassadorMutation = { flagAmbassador?: { id: string }, unflagAmbassador?: { id: string } };

export type AdminPulseQueryVariables = Exact<{
  community: string;
  from: string;
  to: string;
  bucket?: PulseBucketSize | null | undefined;
}>;


export type AdminPulseQuery = { community: { id: string, pulse: Array<{ start: string, end: string, threads: number, replies: number, newMembers: number, sentiment: number | null, answeredShare: number | null, medianFirstReplyMinutes: number | null, topics: Array<{ word: string, count: number }> }> } | null };

export type AdminSegmentPreviewQueryVariables = Exact<{
  community: string;
  rules: SegmentRulesInput;
}>;


export type AdminSegmentPreviewQuery = { community: { id: string, segmentPreview: { memberCount: number, members: Array<{ id: string, displayName: string }> } } | null };

export type AdminSaveSegmentMutationVariables = Exact<{
  id?: string | number | null | undefined;
  name: string;
  rules: SegmentRulesInput;
}>;


export type AdminSaveSegmentMutation = { saveSegment: { id: string } };

export type AdminSegmentsQueryVariables = Exact<{
  community: string;
}>;


export type AdminSegmentsQuery = { community: { id: string, segments: Array<{ id: string, name: string, rules: unknown, memberCount: number, members: Array<{ id: string, displayName: string }> }> } | null };

export type AdminDeleteSegmentMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminDeleteSegmentMutation = { deleteSegment: string };

export type AdminViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminViewerQuery = { viewer: { kind: ViewerKind, community: { slug: string, name: string }, staff: { id: string, name: string, title: string | null, avatarUrl: string | null, role: StaffRole | null, badge: StaffBadge, agencyName: string | null, locale: string | null } | null } | null };

export type AdminSignInMutationVariables = Exact<{
  community: string;
  email: string;
  password: string;
}>;


export type AdminSignInMutation = { staffSignIn: { kind: ViewerKind } };

export type AdminSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type AdminSignOutMutation = { staffSignOut: boolean };

export type AdminSetPasswordMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type AdminSetPasswordMutation = { setStaffPassword: { kind: ViewerKind } };

export type AdminUpdateProfileMutationVariables = Exact<{
  input: ProfileInput;
}>;


export type AdminUpdateProfileMutation = { updateMyProfile: { id: string, name: string, title: string | null, avatarUrl: string | null, locale: string | null } };

export type AdminSettingsQueryVariables = Exact<{
  community: string;
}>;


export type AdminSettingsQuery = { community: { id: string, name: string, defaultLocale: string, allowedOrigins: Array<string> | null, ssoKeys: Array<{ keyId: string, createdAt: string }> | null, theme: Array<{ property: string, value: string }> } | null };

export type AdminUpdateCommunityMutationVariables = Exact<{
  input: UpdateCommunityInput;
}>;


export type AdminUpdateCommunityMutation = { updateCommunity: { id: string } };

export type AdminSetOriginsMutationVariables = Exact<{
  origins: Array<string> | string;
}>;


export type AdminSetOriginsMutation = { setAllowedOrigins: { id: string } };

export type AdminRotateKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type AdminRotateKeyMutation = { rotateSsoKey: { keyId: string, secret: string } };

export type AdminRetireKeyMutationVariables = Exact<{
  keyId: string;
}>;


export type AdminRetireKeyMutation = { retireSsoKey: { id: string } };

export type AdminStaffQueryVariables = Exact<{
  community: string;
}>;


export type AdminStaffQuery = { community: { id: string, staffMembers: Array<{ id: string, name: string, title: string | null, email: string | null, role: StaffRole | null, badge: StaffBadge, agencyName: string | null, isFormer: boolean, hasPassword: boolean | null, deactivatedAt: string | null }> } | null };

export type AdminInviteMutationVariables = Exact<{
  input: InviteStaffInput;
}>;


export type AdminInviteMutation = { inviteStaff: { url: string } };

export type AdminPasswordLinkMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminPasswordLinkMutation = { issuePasswordLink: { url: string } };

export type AdminUpdateStaffMutationVariables = Exact<{
  input: UpdateStaffInput;
}>;


export type AdminUpdateStaffMutation = { updateStaff: { id: string } };

export type AdminDeactivateMutationVariables = Exact<{
  id: string | number;
  successors: Array<string | number> | string | number;
}>;


export type AdminDeactivateMutation = { deactivateStaff: { movedThreads: number, handovers: Array<{ id: string, to: { name: string }, members: Array<{ id: string }> }>, staff: { name: string, isFormer: boolean, deactivatedAt: string | null }, successors: Array<{ name: string }> } };

export type AdminEndAgencyMutationVariables = Exact<{
  agency: string;
  successors: Array<string | number> | string | number;
}>;


export type AdminEndAgencyMutation = { endAgency: Array<{ staff: { name: string }, handovers: Array<{ id: string, to: { name: string } }> }> };

export type AdminReplyFragment = { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, viewerCanEdit: boolean, isHelpful: boolean, isHidden: boolean | null, hiddenReason: string | null, author:
    | { __typename: 'Member', id: string, isAmbassador: boolean, displayName: string, avatarUrl: string | null }
    | { __typename: 'StaffMember', id: string, title: string | null, badge: StaffBadge, isFormer: boolean, displayName: string, avatarUrl: string | null }
   | null };

export type AdminThreadQueryVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type AdminThreadQuery = { community: { id: string, thread: { id: string, kind: ThreadKind, status: ThreadStatus, title: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, voteCount: number, replyCount: number, followerCount: number, waitingSince: string | null, isHidden: boolean | null, hiddenReason: string | null, isLocked: boolean, withdrawnAt: string | null, mergedInto: { id: string, title: string } | null, assignee: { id: string, name: string } | null, author:
        | { __typename: 'Member', id: string, isAmbassador: boolean, displayName: string, avatarUrl: string | null }
        | { __typename: 'StaffMember', id: string, title: string | null, badge: StaffBadge, isFormer: boolean, displayName: string, avatarUrl: string | null }
       | null, lastStatusChange: { to: ThreadStatus, note: string | null, staff: { name: string } } | null } | null, staffMembers: Array<{ id: string, name: string }> } | null };

export type AdminThreadRepliesQueryVariables = Exact<{
  community: string;
  id: string | number;
  after?: string | null | undefined;
}>;


export type AdminThreadRepliesQuery = { community: { id: string, thread: { id: string, replies: { edges: Array<{ node: { id: string, body: string, bodyFormatted: import('@rapport/shared/formatted-text.ts').FormattedText, createdAt: string, viewerCanEdit: boolean, isHelpful: boolean, isHidden: boolean | null, hiddenReason: string | null, author:
              | { __typename: 'Member', id: string, isAmbassador: boolean, displayName: string, avatarUrl: string | null }
              | { __typename: 'StaffMember', id: string, title: string | null, badge: StaffBadge, isFormer: boolean, displayName: string, avatarUrl: string | null }
             | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null } | null };

export type AdminThreadEventsSubscriptionVariables = Exact<{
  community: string;
  id: string | number;
}>;


export type AdminThreadEventsSubscription = { threadEvents:
    | { __typename: 'ReplyAddedEvent' }
    | { __typename: 'ReplyEditedEvent' }
    | { __typename: 'ReplyRemovedEvent' }
    | { __typename: 'StatusChangedEvent' }
    | { __typename: 'SubscriptionStartedEvent' }
    | { __typename: 'ThreadEditedEvent' }
    | { __typename: 'ThreadPostedEvent' }
    | { __typename: 'ThreadRemovedEvent' }
    | { __typename: 'VoteCountChangedEvent' }
   };

export type AdminEditReplyMutationVariables = Exact<{
  input: EditReplyInput;
}>;


export type AdminEditReplyMutation = { editReply: { id: string } };

export type AdminDeleteReplyMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminDeleteReplyMutation = { deleteReply: string };

export type AdminReplyMutationVariables = Exact<{
  input: ReplyInput;
}>;


export type AdminReplyMutation = { reply: { id: string } };

export type AdminSetStatusMutationVariables = Exact<{
  input: SetThreadStatusInput;
}>;


export type AdminSetStatusMutation = { setThreadStatus: { id: string } };

export type AdminAssignMutationVariables = Exact<{
  threadId: string | number;
  staffId?: string | number | null | undefined;
}>;


export type AdminAssignMutation = { assignThread: { id: string } };

export type AdminMergeMutationVariables = Exact<{
  threadId: string | number;
  into: string | number;
}>;


export type AdminMergeMutation = { mergeThread: { id: string } };

export type AdminSearchThreadsQueryVariables = Exact<{
  community: string;
  search: string;
}>;


export type AdminSearchThreadsQuery = { community: { id: string, search: { edges: Array<{ node: { thread: { id: string, title: string, status: ThreadStatus, voteCount: number, createdAt: string, author:
              | { displayName: string }
              | { displayName: string }
             | null } } }> } } | null };

export type AdminSimilarThreadsQueryVariables = Exact<{
  community: string;
  title: string;
  body?: string | null | undefined;
  id: string | number;
}>;


export type AdminSimilarThreadsQuery = { community: { id: string, similarThreads: Array<{ id: string, title: string, status: ThreadStatus, voteCount: number, createdAt: string, author:
        | { displayName: string }
        | { displayName: string }
       | null }> } | null };

export type AdminModerateThreadMutationVariables = Exact<{
  id: string | number;
  reason: string;
  hide: boolean;
  restore: boolean;
  lock: boolean;
  unlock: boolean;
}>;


export type AdminModerateThreadMutation = { hideThread?: { id: string }, restoreThread?: { id: string }, lockThread?: { id: string }, unlockThread?: { id: string } };

export type AdminModerateReplyMutationVariables = Exact<{
  id: string | number;
  reason: string;
  hide: boolean;
}>;


export type AdminModerateReplyMutation = { hideReply?: { id: string }, restoreReply?: { id: string } };

export type AdminMarkHelpfulMutationVariables = Exact<{
  id: string | number;
  helpful: boolean;
}>;


export type AdminMarkHelpfulMutation = { markReplyHelpful?: { id: string }, unmarkReplyHelpful?: { id: string } };

export type AdminWebhooksQueryVariables = Exact<{
  community: string;
}>;


export type AdminWebhooksQuery = { community: { id: string, webhooks: Array<{ id: string, url: string, events: Array<WebhookEvent>, active: boolean, format: WebhookFormat, voteThreshold: number, deliveries: { edges: Array<{ node: { id: string, event: WebhookEvent, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, createdAt: string } }> } }> } | null };

export type AdminCreateWebhookMutationVariables = Exact<{
  url: string;
  events: Array<WebhookEvent> | WebhookEvent;
  format?: WebhookFormat | null | undefined;
  voteThreshold?: number | null | undefined;
}>;


export type AdminCreateWebhookMutation = { createWebhook: { secret: string, webhook: { id: string } } };

export type AdminUpdateWebhookMutationVariables = Exact<{
  id: string | number;
  active?: boolean | null | undefined;
}>;


export type AdminUpdateWebhookMutation = { updateWebhook: { id: string, active: boolean } };

export type AdminDeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminDeleteWebhookMutation = { deleteWebhook: boolean };

export type AdminRedeliverMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminRedeliverMutation = { redeliverWebhook: { id: string, status: WebhookDeliveryStatus } };
