/**
 * The labels of the author line and the text fields (shared/ui), and of a post's and a reply's
 * fields: used by the views loaded later (a thread, the forms), so kept out of the start chunk.
 */
import { msg } from '@lit/localize';
import type { AuthorLabels } from '@rapport/shared/ui/author.ts';
import type { FieldLabels } from '@rapport/shared/ui/field.ts';
import { currentLocale, t } from './localize.ts';

/** The words of the author line (shared/ui/author.ts). */
export const authorLabels = (): AuthorLabels => ({
  staff: msg('Staff', { desc: 'Badge of a staff member who answers for the brand' }),
  agencyFor: (brand) => t(msg('Agency for {brand}'), { brand }),
  formerStaff: msg('Former staff'),
  ambassador: msg('Ambassador'),
  locale: currentLocale(),
});

/** The words of a text field (shared/ui/field.ts). */
export const fieldLabels = (): FieldLabels => ({
  counter: (used, max) =>
    t(msg('{used, number} / {max, number}', { desc: 'Characters used of the most allowed' }), { used, max }),
  tooShort: (label, min) =>
    t(msg('{label} needs at least {min, plural, one {# character} other {# characters}}.'), { label, min }),
  tooLong: (label, max) =>
    t(msg('{label} can be at most {max, plural, one {# character} other {# characters}}.'), { label, max }),
});

/** The labels of a post's and a reply's fields (the post form, editing, replying). */
export const postTitleLabel = () => msg('Title');
export const postBodyLabel = () => msg('Details');
export const replyLabel = () => msg('Your reply');
