import { type Scope, write } from '../core/scope.ts';
import * as valid from '../core/validation.ts';
import { type ConsentPurpose, type EmailDigest, Member } from '../entities/index.ts';
import type { MemberActor } from './actor.ts';
import { type ConsentState, consentsOf, recordConsent } from './consent.ts';

/**
 * A member's own choices from the widget: each purpose's consent (into the ledger, source WIDGET,
 * with the words they saw) and how often emails come. Both take effect for the next message.
 */
export async function setOwnConsent(
  scope: Scope,
  actor: MemberActor,
  purpose: ConsentPurpose,
  granted: boolean,
  textShown?: string | null,
): Promise<ConsentState> {
  return write(scope, async (em) => {
    const record = recordConsent(em, {
      communityId: scope.communityId,
      memberId: actor.member.id,
      purpose,
      granted,
      source: 'WIDGET',
      textShown: textShown ?? undefined,
    });
    await em.flush();
    return { purpose, granted, record };
  });
}

export async function setOwnEmailDigest(scope: Scope, actor: MemberActor, digest: EmailDigest): Promise<Member> {
  return write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    member.emailDigest = digest;
    return member;
  });
}

/** Whether voting on a thread also brings the member its status updates (on by default). */
export async function setOwnFollowOnVote(scope: Scope, actor: MemberActor, followOnVote: boolean): Promise<Member> {
  return write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    member.followOnVote = followOnVote;
    return member;
  });
}

/** The language their emails are written in (the widget sets it to the one it shows). */
export async function setOwnLocale(scope: Scope, actor: MemberActor, locale: string): Promise<Member> {
  const checked = valid.shippedLocale(locale, 'locale');
  return write(scope, async (em) => {
    const member = await em.findOneOrFail(Member, { id: actor.member.id });
    member.locale = checked;
    return member;
  });
}

export const ownConsents = (scope: Scope, actor: MemberActor) => consentsOf(scope.em, actor.member.id);
