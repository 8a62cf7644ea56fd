import { Member, StaffMember } from '../entities/index.ts';
import { builder } from './builder.ts';
import type { Context } from './context.ts';

/** Who wrote a thread or reply: a Member (customer) or a StaffMember (answering for the brand). */
export const AuthorRef = builder.interfaceRef<{ id: string }>('Author').implement({
  description: 'The person who wrote a thread or reply. Staff are shown as themselves, with their badge.',
  fields: (t) => ({
    displayName: t.string({ description: 'The name shown next to what they wrote.' }),
    avatarUrl: t.string({ nullable: true }),
  }),
});

/** The author of a thread or reply: a staff member or a member, loaded in the request's batch (at once when a cached page brought it along). */
export function loadAuthor(
  row: { authorStaff?: { id: string } | null; authorMember?: { id: string } | null },
  ctx: Context,
): Member | StaffMember | Promise<Member | StaffMember | null> | null {
  const loaders = ctx.scope().loaders;
  if (row.authorStaff) return loaders.row(StaffMember, row.authorStaff.id);
  if (row.authorMember) return loaders.row(Member, row.authorMember.id);
  return null;
}
