/**
 * Lengths people may write, counted in characters (code points). The server enforces them; the
 * widget and admin show them as people type. One definition, so the two never disagree.
 */
export const LIMITS = {
  threadTitle: { field: 'title', label: 'Title', min: 3, max: 140 },
  threadBody: { field: 'body', label: 'Description', min: 0, max: 10_000 },
  replyBody: { field: 'body', label: 'Reply', min: 1, max: 10_000 },
  statusNote: { field: 'note', label: 'Note', min: 0, max: 1_000 },
  displayName: { field: 'displayName', label: 'Display name', min: 1, max: 50 },
  search: { field: 'search', label: 'Search', min: 0, max: 100 },
  /** Why something is reported, hidden or suspended (kept in the audit log). */
  reason: { field: 'reason', label: 'Reason', min: 3, max: 500 },
  consentText: { field: 'textShown', label: 'The text shown', min: 1, max: 1_000 },
  changelogTitle: { field: 'title', label: 'Title', min: 3, max: 140 },
  changelogBody: { field: 'body', label: 'Text', min: 0, max: 20_000 },
  staffName: { field: 'name', label: 'Name', min: 1, max: 80 },
  staffTitle: { field: 'title', label: 'Title', min: 1, max: 80 },
  agencyName: { field: 'agencyName', label: 'Agency name', min: 1, max: 120 },
  communityName: { field: 'name', label: 'Name', min: 1, max: 120 },
  auditAction: { field: 'action', label: 'Action', min: 1, max: 64 },
} as const;

/** Threads one "What's new" entry may deliver. */
export const MAX_CHANGELOG_THREADS = 50;

export interface TextRule {
  /** Input field name, reported with the error. */
  readonly field: string;
  /** What the user calls it ("Title"), used in messages. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** Length as a person counts it: "😀" is one character, not two UTF-16 units. */
export function characters(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
