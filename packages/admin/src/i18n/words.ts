/**
 * Words several screens of the console use (statuses, kinds, roles, counts, the author line, common
 * failures). Each is a function: `msg()` answers in the locale active when it is called, so these
 * are called at render time, never kept.
 */
import { msg } from '@lit/localize';
import { directionOf } from '@rapport/shared/i18n/locales.ts';
import type { AuthorLabels } from '@rapport/shared/ui/author.ts';
import type { FieldLabels } from '@rapport/shared/ui/field.ts';
import { durationSince } from '@rapport/shared/ui/time.ts';
import { currentLocale, t } from './localize.ts';

export const statusNames = (): Record<string, string> => ({
  OPEN: msg('Open', { desc: 'Status of a thread' }),
  UNDER_REVIEW: msg('Under review'),
  PLANNED: msg('Planned'),
  IN_PROGRESS: msg('In progress'),
  SHIPPED: msg('Shipped'),
  DECLINED: msg('Declined'),
});

export const statusName = (status: string): string => statusNames()[status] ?? status;

export const kindNames = (): Record<string, string> => ({
  IDEA: msg('Idea'),
  QUESTION: msg('Question'),
  PRAISE: msg('Praise'),
  PROBLEM: msg('Problem'),
});

export const kindName = (kind: string): string => kindNames()[kind] ?? kind;

export const roleNames = (): Record<string, string> => ({
  OWNER: msg('Owner'),
  MANAGER: msg('Manager'),
  STAFF: msg('Staff', { id: 'role-staff', desc: 'Role: answers customers, without running the community' }),
  AGENCY: msg('Agency'),
});

/** What customers agree to be contacted for (the consent ledger). */
export const consentPurposes = (): Record<string, string> => ({
  THREAD_NOTIFICATIONS: msg('Emails about threads they follow'),
  PRODUCT_UPDATES: msg('Product updates'),
  STAFF_CONTACT: msg('Contact by staff'),
});

export const loading = () => msg('Loading…');
export const tryAgain = () => msg('Try again');
export const networkError = () => msg('The server could not be reached. Check your connection and try again.');

export const replyCount = (count: number) => t(msg('{count, plural, one {# reply} other {# replies}}'), { count });
export const voteCount = (count: number) => t(msg('{count, plural, one {# vote} other {# votes}}'), { count });

/** "waiting 3 hours": how long a customer has waited for an answer. */
export const waitingSince = (iso: string) =>
  t(msg('waiting {duration}', { desc: 'How long a customer has waited for an answer, e.g. "3 hours"' }), {
    duration: durationSince(iso, Date.now(), currentLocale()),
  });

/** How someone feels, from their sentiment (−1 to +1). */
/** How someone's texts feel; null: none of them could be read (a language without a lexicon). */
export const feeling = (value: number | null) =>
  value === null
    ? msg('not measured', { desc: 'Sentiment of texts in a language Rapport cannot score' })
    : value > 0.15
      ? msg('positive')
      : value < -0.15
        ? msg('negative')
        : msg('neutral');

/** An arrow from one thing to the next, pointing the way the language reads. */
export const onwards = () => (directionOf(currentLocale()) === 'rtl' ? '←' : '→');

/** The words of the author line (shared/ui/author.ts), as customers see it in the widget. */
export const authorLabels = (): AuthorLabels => ({
  staff: msg('Staff', { id: 'badge-staff', desc: 'Badge of a staff member who answers for the brand' }),
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

/** A language by its own name ("Deutsch", "日本語"), as people look for it. */
export function autonym(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
