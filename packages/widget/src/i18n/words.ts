/**
 * Words several views of the widget use (statuses, kinds, sorts, common failures). Each
 * is a function: `msg()` answers in the locale active when it is called, so these are called at
 * render time, never kept.
 */
import { msg } from '@lit/localize';
import type { ThreadKind, ThreadOrder, ThreadStatus } from '../graphql/documents.ts';
import { t } from './localize.ts';

export const statusNames = (): Record<ThreadStatus, string> => ({
  OPEN: msg('Open', { desc: 'Status of a post' }),
  UNDER_REVIEW: msg('Under review'),
  PLANNED: msg('Planned'),
  IN_PROGRESS: msg('In progress'),
  SHIPPED: msg('Shipped'),
  DECLINED: msg('Declined'),
});

export const statusName = (status: string): string => statusNames()[status as ThreadStatus] ?? status;

export const kindNames = (): Record<ThreadKind, string> => ({
  IDEA: msg('Idea'),
  QUESTION: msg('Question'),
  PRAISE: msg('Praise'),
  PROBLEM: msg('Problem'),
});

export const sortNames = (): Record<ThreadOrder, string> => ({
  TOP: msg('Top', { desc: 'Sort order: most votes first' }),
  NEW: msg('New', { id: 'sort-new', desc: 'Sort order: newest first' }),
  TRENDING: msg('Trending'),
  UNANSWERED: msg('Unanswered'),
});

export const loading = () => msg('Loading…');
export const loadFailed = () => msg('The community could not be loaded. Check your connection and try again.');
export const networkError = () => msg('Could not reach the community. Check your connection and try again.');
export const replyCount = (count: number) => t(msg('{count, plural, one {# reply} other {# replies}}'), { count });
