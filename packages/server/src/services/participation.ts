import type { Em } from '../db/em.ts';
import { Reply, StatusChange, type Thread, Vote } from '../entities/index.ts';

/**
 * Whether anyone but its author has taken part in a thread: staff answered or moved its status,
 * someone else replied (visibly) or voted. Then it is a conversation, not just the author's post,
 * and its author may withdraw it but not delete it for everyone.
 */
export async function othersTookPart(em: Em, thread: Thread): Promise<boolean> {
  const author = thread.authorMember?.id ?? null;
  // A staff member's own thread counts as answered from the start: only others' replies count.
  if ((author && thread.firstStaffReplyAt) || thread.status !== 'OPEN') return true;
  const staffAuthor = thread.authorStaff?.id ?? null;
  const notAuthor = author
    ? { $or: [{ authorMember: { $ne: author } }, { authorMember: null }] }
    : { $or: [{ authorStaff: { $ne: staffAuthor } }, { authorStaff: null }] };
  // One after the other: inside a transaction they share one connection.
  if (await em.count(Reply, { thread, deletedAt: null, ...notAuthor })) return true;
  if (await em.count(Vote, author ? { thread, member: { $ne: author } } : { thread })) return true;
  return (await em.count(StatusChange, { thread })) > 0;
}
