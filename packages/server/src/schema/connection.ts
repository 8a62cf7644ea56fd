import { AppError } from '../core/errors.ts';
import type { Page } from '../core/pagination.ts';

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Lists page forward only (first/after): what infinite lists and "Load more" need. */
export function forwardArgs(args: ConnectionArgs): {
  first: number | null | undefined;
  after: string | null | undefined;
} {
  if (args.last != null || args.before != null) {
    throw new AppError('BAD_USER_INPUT', { forDevelopers: 'Lists page forward only: use "first" and "after".' });
  }
  return { first: args.first, after: args.after };
}

/** A connection costs what it selects times the page size it asks for. */
export function connectionComplexity(args: { first?: number | null }) {
  return { field: 1, multiplier: Math.min(Math.max(args.first ?? 20, 1), 100) };
}

/** A service Page as a Relay connection. */
export function toConnection<T>(page: Page<T>) {
  return {
    edges: page.items.map((node) => ({ node, cursor: page.cursorOf(node) })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
  };
}
