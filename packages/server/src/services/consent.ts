import { type Locale, SOURCE_LOCALE } from '@rapport/shared/i18n/locales.ts';
import { notFound } from '../core/errors.ts';
import type { EventBus } from '../core/events.ts';
import { type Scope, write } from '../core/scope.ts';
import { sharedCache } from '../core/shared-cache.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import {
  CONSENT_PURPOSES,
  Community,
  type ConsentPurpose,
  ConsentRecord,
  type ConsentSource,
  Member,
  type StaffMember,
} from '../entities/index.ts';
import { say } from '../i18n/say.ts';
import type { StaffActor } from './actor.ts';
import { memberLocale } from './communities.ts';

/**
 * Without a record, what a member agreed to: emails about threads they follow are on (they asked
 * to follow, and one click turns them off); product updates and being contacted by staff need a
 * grant first.
 */
export const CONSENT_DEFAULTS: Record<ConsentPurpose, boolean> = {
  THREAD_NOTIFICATIONS: true,
  PRODUCT_UPDATES: false,
  STAFF_CONTACT: false,
};

/** The words shown with each choice in the widget, recorded with the member's answer. */
/** Who an unsubscribe link speaks to: the community's name (null: gone), in the member's language. */
export async function unsubscribeReader(
  em: Em,
  link: { communityId: string; memberId: string },
): Promise<{ brand: string | null; locale: Locale }> {
  const community = await em.findOne(Community, { id: link.communityId });
  const member = await em.findOne(Member, { id: link.memberId }, { fields: ['locale'] });
  return { brand: community?.name ?? null, locale: memberLocale(member?.locale, community) };
}

/** What a customer is asked to agree to, in their language (and so recorded as shown). */
export const consentText = (purpose: ConsentPurpose, locale: Locale = SOURCE_LOCALE): string =>
  say(locale, `consent.${purpose}`);

export interface ConsentState {
  purpose: ConsentPurpose;
  granted: boolean;
  /** The record it comes from; null when it is the default. */
  record: ConsentRecord | null;
}

/** Every grant and withdrawal of a member, newest first. */
export const consentHistory = (em: Em, memberId: string) =>
  em.find(ConsentRecord, { member: memberId }, { orderBy: { createdAt: 'desc', id: 'desc' } });

/** A member's consent for every purpose, now: their latest record for each, or the default. */
export async function consentsOf(em: Em, memberId: string): Promise<ConsentState[]> {
  const records = await consentHistory(em, memberId);
  return CONSENT_PURPOSES.map((purpose) => {
    const record = records.find((r) => r.purpose === purpose) ?? null;
    return { purpose, granted: record ? record.granted : CONSENT_DEFAULTS[purpose], record };
  });
}

/** Whether each member consents to `purpose` right now (one query for all of them). */
export async function consenting(em: Em, memberIds: string[], purpose: ConsentPurpose): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const records = await em.find(
    ConsentRecord,
    { member: { $in: memberIds }, purpose },
    { orderBy: { createdAt: 'desc', id: 'desc' }, fields: ['member', 'granted'] },
  );
  const latest = new Map<string, boolean>();
  for (const r of records) if (!latest.has(r.member.id)) latest.set(r.member.id, r.granted);
  return new Set(memberIds.filter((id) => latest.get(id) ?? CONSENT_DEFAULTS[purpose]));
}

export interface ConsentChange {
  communityId: string;
  memberId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  source: ConsentSource;
  textShown?: string;
  recordedBy?: StaffMember | null;
}

/**
 * Appends a grant or withdrawal to the ledger (in the caller's transaction). It takes effect at
 * once: every message is checked against the ledger when it is about to go out.
 */
export function recordConsent(em: Em, change: ConsentChange): ConsentRecord {
  const textShown = valid.text(change.textShown ?? consentText(change.purpose), valid.LIMITS.consentText);
  return em.create(ConsentRecord, {
    community: change.communityId,
    member: change.memberId,
    purpose: change.purpose,
    granted: change.granted,
    source: change.source,
    textShown,
    recordedBy: change.recordedBy ?? null,
  });
}

/**
 * The brand's sign-in token says what the customer agreed to on its site. A claim is recorded
 * (source SSO, in one transaction) when it differs from what the brand's tokens last said for that
 * purpose, not from the ledger's current state: every request carries the claims, and a choice the
 * customer made since in the widget (or a manager recorded) stands until the brand's site says
 * something new. A claim equal to the current state is recorded too the first time, so that the
 * ledger knows what the brand said. `bound` gives the community's manager, made only if the
 * ledger is read.
 */
export async function syncSsoConsents(
  bound: () => Em,
  communityId: string,
  memberId: string,
  claimed: Partial<Record<ConsentPurpose, boolean>> | undefined,
  events: EventBus,
): Promise<void> {
  if (!claimed || Object.keys(claimed).length === 0) return;
  // Each of the customer's requests carries the claims: what the brand last said is cached until
  // the community next changes (a consent recorded is a commit).
  const said = await sharedCache(events, 'viewers').get(communityId, `consents\n${memberId}`, async () =>
    lastSaidBySso(await consentHistory(bound(), memberId)),
  );
  const changed = CONSENT_PURPOSES.filter((p) => claimed[p] !== undefined && claimed[p] !== said[p]);
  if (changed.length === 0) return;
  await bound().transactional((tx) => {
    for (const purpose of changed) {
      recordConsent(tx, {
        communityId,
        memberId,
        purpose,
        granted: claimed[purpose] as boolean,
        source: 'SSO',
        textShown: `Given on the brand's site (sign-in token): "${consentText(purpose)}"`,
      });
    }
  });
}

/** What the brand's sign-in tokens last said for each purpose (from a history, newest first). */
function lastSaidBySso(history: ConsentRecord[]): Partial<Record<ConsentPurpose, boolean>> {
  const said: Partial<Record<ConsentPurpose, boolean>> = {};
  for (const record of history) {
    if (record.source === 'SSO' && said[record.purpose] === undefined) said[record.purpose] = record.granted;
  }
  return said;
}

/** A manager records what a customer agreed to elsewhere (by phone, at an event), in their words. */
export async function recordConsentForMember(
  scope: Scope,
  actor: StaffActor,
  input: { memberId: string; purpose: ConsentPurpose; granted: boolean; textShown: string },
): Promise<ConsentState> {
  const textShown = valid.text(input.textShown, valid.LIMITS.consentText);
  return write(scope, async (em) => {
    const member = valid.isUuid(input.memberId)
      ? await em.findOne(Member, { id: input.memberId, erasedAt: null })
      : null;
    if (!member) throw notFound('error.notFound.member');
    const record = recordConsent(em, {
      communityId: scope.communityId,
      memberId: member.id,
      purpose: input.purpose,
      granted: input.granted,
      source: 'ADMIN',
      textShown,
      recordedBy: actor.staff,
    });
    await em.flush();
    return { purpose: input.purpose, granted: input.granted, record };
  });
}

/**
 * Withdraws the consent an unsubscribe link names, recorded in the ledger as the link's doing;
 * nothing new is recorded when it was withdrawn already.
 */
export async function unsubscribeWithLink(
  em: Em,
  link: { communityId: string; memberId: string; purpose: ConsentPurpose },
  locale: Locale,
): Promise<void> {
  await em.transactional(async (tx) => {
    const current = (await consentsOf(tx, link.memberId)).find((c) => c.purpose === link.purpose);
    if (current?.granted === false) return;
    recordConsent(tx, {
      communityId: link.communityId,
      memberId: link.memberId,
      purpose: link.purpose,
      granted: false,
      source: 'UNSUBSCRIBE_LINK',
      textShown: `Unsubscribe page: stop "${consentText(link.purpose, locale)}"`,
    });
  });
}
