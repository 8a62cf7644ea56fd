import { type AuthorView, authorLine } from '@rapport/shared/ui/author.ts';
import type { StaffViewer } from '../app.ts';
import { authorLabels } from '../i18n/words.ts';

/** The author line the widget shows customers, in the console's words. */
export const adminAuthorLine = (author: AuthorView | null, brand: string, at: string) =>
  authorLine(author, brand, at, authorLabels());

/** The signed-in staff member as customers see them next to their replies. */
export const viewerAsAuthor = (viewer: StaffViewer): AuthorView => ({
  __typename: 'StaffMember',
  displayName: viewer.name,
  avatarUrl: viewer.avatarUrl,
  title: viewer.title,
  badge: viewer.badge,
  isFormer: false,
});
