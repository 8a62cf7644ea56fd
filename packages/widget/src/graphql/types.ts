/** Shapes of the data the widget's documents select (see documents.ts). */

import type { FormattedText } from '@rapport/shared/formatted-text.ts';

export type ThreadKind = 'IDEA' | 'QUESTION' | 'PRAISE' | 'PROBLEM';
export type ThreadStatus = 'OPEN' | 'UNDER_REVIEW' | 'PLANNED' | 'IN_PROGRESS' | 'SHIPPED' | 'DECLINED';
export type ThreadOrder = 'TOP' | 'NEW' | 'TRENDING' | 'UNANSWERED';

export interface Author {
  __typename: 'Member' | 'StaffMember';
  displayName: string;
  avatarUrl: string | null;
  title?: string | null;
  badge?: 'STAFF' | 'AGENCY';
  agencyName?: string | null;
  isFormer?: boolean;
  isAmbassador?: boolean;
}

export interface ThreadSummary {
  id: string;
  kind: ThreadKind;
  status: ThreadStatus;
  title: string;
  voteCount: number;
  replyCount: number;
  answeredByStaff: boolean;
  createdAt: string;
  withdrawnAt?: string | null;
  author: { displayName: string } | null;
  viewerHasVoted?: boolean;
}

export interface Reply {
  id: string;
  body: string;
  bodyFormatted: FormattedText;
  createdAt: string;
  editedAt: string | null;
  viewerCanEdit: boolean;
  viewerIsAuthor?: boolean;
  isHelpful: boolean;
  author: Author | null;
}

export interface StatusUpdate {
  to: ThreadStatus;
  noteFormatted: FormattedText | null;
  createdAt: string;
  staff: Author;
  /** Shipped by publishing this "What's new" entry. */
  changelogEntry: { id: string; title: string } | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Thread {
  id: string;
  kind: ThreadKind;
  status: ThreadStatus;
  title: string;
  body: string;
  bodyFormatted: FormattedText;
  createdAt: string;
  voteCount: number;
  replyCount: number;
  followerCount: number;
  answeredByStaff: boolean;
  isLocked: boolean;
  editedAt: string | null;
  withdrawnAt: string | null;
  viewerCanEdit?: boolean;
  viewerIsAuthor?: boolean;
  /** How the viewer may take down their own thread. */
  viewerRemoval?: 'DELETE' | 'WITHDRAW' | null;
  mergedInto: { id: string; title: string } | null;
  author: Author | null;
  lastStatusChange: StatusUpdate | null;
  replies: { edges: { node: Reply }[]; pageInfo: PageInfo };
  viewerHasVoted?: boolean;
  viewerIsFollowing?: boolean;
}

export type ThreadEvent =
  | { __typename: 'SubscriptionStartedEvent' }
  | { __typename: 'ReplyAddedEvent'; reply: Reply }
  | { __typename: 'StatusChangedEvent'; statusChange: StatusUpdate }
  | { __typename: 'VoteCountChangedEvent'; voteCount: number }
  | {
      __typename: 'ThreadEditedEvent';
      thread: Pick<Thread, 'title' | 'body' | 'bodyFormatted' | 'editedAt' | 'isLocked' | 'mergedInto'>;
    }
  | { __typename: 'ThreadRemovedEvent' }
  | { __typename: 'ReplyEditedEvent'; reply: Reply }
  | { __typename: 'ReplyRemovedEvent'; replyId: string };

export interface Roadmap {
  planned: ThreadSummary[];
  inProgress: ThreadSummary[];
  shipped: ThreadSummary[];
}

export interface ChangelogEntry {
  id: string;
  title: string;
  bodyFormatted: FormattedText;
  publishedAt: string;
  editedAt: string | null;
  author: Author;
  threads: { id: string; title: string; status: ThreadStatus }[];
}

/** A question or poll from a named staff member, put to this customer. */
export interface Ask {
  id: string;
  question: string;
  details: string;
  choices: string[];
  multiple: boolean;
  allowText: boolean;
  closesAt: string;
  publishedAt: string;
  author: Author;
  viewerAnswer: { choices: number[]; text: string | null } | null;
}
