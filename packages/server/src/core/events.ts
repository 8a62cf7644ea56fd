import type { ThreadStatus } from '../entities/index.ts';

/**
 * What happened in a thread, as live subscribers receive it. Published only after the commit.
 * Every subscription starts with SUBSCRIBED, sent once it is in place: a client fetches state
 * then to catch up on what it missed while it was away, and nothing after it is lost.
 */
export type ThreadEvent =
  | { type: 'SUBSCRIBED'; threadId: string; at: string }
  | { type: 'THREAD_POSTED'; threadId: string; at: string }
  | { type: 'REPLY_ADDED'; threadId: string; replyId: string; at: string }
  | { type: 'STATUS_CHANGED'; threadId: string; statusChangeId: string; status: ThreadStatus; at: string }
  | { type: 'VOTE_COUNT_CHANGED'; threadId: string; voteCount: number; at: string }
  | { type: 'THREAD_EDITED'; threadId: string; at: string }
  | { type: 'THREAD_REMOVED'; threadId: string; at: string }
  | { type: 'REPLY_EDITED'; threadId: string; replyId: string; at: string }
  | { type: 'REPLY_REMOVED'; threadId: string; replyId: string; at: string };

/**
 * What a signed-in member hears about themselves while the widget is open: they were notified
 * (their unread badge changed), or the community published a "What's new" entry. Published only
 * after the commit; every subscription starts with SUBSCRIBED (fetch the counts then).
 */
export type MemberEvent = { type: 'SUBSCRIBED' | 'NOTIFIED' | 'CHANGELOG_PUBLISHED'; at: string };

/**
 * An ask's answers changed (staff watching its results read them again). Published only after the
 * commit; every subscription starts with SUBSCRIBED.
 */
export type AskEvent = { type: 'SUBSCRIBED' | 'ANSWERED'; askId: string; at: string };

/** Live-update transport: in memory for one process, Redis pub/sub for several (live/). */
export interface EventBus {
  /** Publishes to the thread's subscribers and to the community's (the staff inbox). */
  publish(communityId: string, event: ThreadEvent): void;
  /** Resolves once the subscription is in place: no event published after that is missed. */
  threadEvents(threadId: string): Promise<AsyncIterable<ThreadEvent>>;
  /** Every thread's events in a community, for staff. */
  communityEvents(communityId: string): Promise<AsyncIterable<ThreadEvent>>;
  /** Tells these members of the community (or every member listening: 'all') something about them. */
  publishToMembers(communityId: string, memberIds: readonly string[] | 'all', event: MemberEvent): void;
  /** What one member hears: about them, and what every member of their community hears. */
  memberEvents(communityId: string, memberId: string): Promise<AsyncIterable<MemberEvent>>;
  /** Tells staff watching an ask's results that its answers changed. */
  publishAsk(communityId: string, event: AskEvent): void;
  /** What staff watching one ask hear. */
  askEvents(communityId: string, askId: string): Promise<AsyncIterable<AskEvent>>;
  /**
   * Tells every process (this one at once) that a community's rows changed, after the commit;
   * null: any community's may have. What a process caches of a community is stale from then on.
   */
  announceChange(communityId: string | null): void;
  /**
   * Calls `listener` with each change announced by any process, and with null whenever
   * announcements may have been missed (the link to Redis dropped). Returns the unsubscribe function.
   */
  onChange(listener: (communityId: string | null) => void): () => void;
  /** Whether every process's announcements reach this one right now (not while Redis is down). */
  hearsChanges(): boolean;
}
