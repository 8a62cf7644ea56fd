/**
 * Customers as the brand's own servers describe them, through an API key: made before they ever
 * sign in, or brought up to date (name, e-mail, attributes), by the brand's id for them, the same
 * id their SSO token's `sub` carries. One call writes all of its members or none.
 */

import { badInput } from '../../core/errors.ts';
import { AttributesError, checkAttributes } from '../../core/member-attributes.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { Member } from '../../entities/index.ts';
import { recordActivity } from '../activity.ts';
import type { ApiKeyCaller } from '../api-keys.ts';
import { recordAudit } from '../audit.ts';

/** Members one call may write. */
export const MAX_UPSERT = 100;

export interface MemberUpsert {
  externalId: string;
  name?: string | null;
  email?: string | null;
  /** Replaces what was kept; absent leaves it, null clears it. */
  attributes?: unknown;
}

/** Where in the list a bad entry is, for the error's field ("members.3.email"). */
const at = (i: number, field: string) => `members.${i}.${field}`;

function checked(input: MemberUpsert, i: number) {
  const externalId = valid.line(input.externalId, { ...valid.SERVER_LIMITS.externalId, field: at(i, 'externalId') });
  const name =
    input.name == null ? undefined : valid.line(input.name, { ...valid.LIMITS.displayName, field: at(i, 'name') });
  let email: string | null | undefined;
  if (input.email === null) email = null;
  else if (input.email !== undefined) {
    try {
      email = valid.email(input.email);
    } catch {
      throw badInput('error.email', at(i, 'email'));
    }
  }
  let attributes: Member['attributes'] | undefined;
  if (input.attributes === null) attributes = null;
  else if (input.attributes !== undefined) {
    try {
      attributes = checkAttributes(input.attributes);
    } catch (error) {
      if (!(error instanceof AttributesError)) throw error;
      // Said for the brand's developers, as the SSO token's attributes are.
      throw badInput({ forDevelopers: `attributes ${error.message}.` }, at(i, 'attributes'));
    }
  }
  return { externalId, name, email, attributes };
}

export async function upsertMembers(scope: Scope, caller: ApiKeyCaller, inputs: readonly MemberUpsert[]) {
  if (inputs.length === 0 || inputs.length > MAX_UPSERT) {
    throw badInput(['error.members.count', { max: MAX_UPSERT }], 'members');
  }
  const entries = inputs.map(checked);
  const ids = entries.map((e) => e.externalId);
  if (new Set(ids).size !== ids.length) throw badInput('error.members.twice', 'members');
  return write(scope, async (em) => {
    const existing = new Map(
      (await em.find(Member, { externalId: { $in: ids }, erasedAt: null })).map((m) => [m.externalId, m]),
    );
    let created = 0;
    const members = entries.map((entry) => {
      const change = Object.fromEntries(
        Object.entries({ displayName: entry.name, email: entry.email, attributes: entry.attributes }).filter(
          ([, v]) => v !== undefined,
        ),
      );
      const member = existing.get(entry.externalId);
      if (member) {
        // A new address gets its chance: a bounce was the old one's.
        if ('email' in change && change.email !== member.email) member.emailBouncedAt = null;
        em.assign(member, change);
        return member;
      }
      created++;
      const made = em.create(Member, {
        community: scope.communityId,
        kind: 'SSO',
        externalId: entry.externalId,
        displayName: entry.name ?? entry.email?.split('@')[0] ?? 'Customer',
        email: entry.email ?? null,
        attributes: entry.attributes ?? null,
      });
      recordActivity(
        em,
        scope.communityId,
        { kind: 'CUSTOMER', communityId: scope.communityId, member: made },
        {
          type: 'MEMBER_JOINED',
        },
      );
      return made;
    });
    recordAudit(em, scope.communityId, null, {
      action: 'member.upsert',
      targetType: 'ApiKey',
      targetId: caller.id,
      after: { apiKey: caller.name, created, updated: members.length - created, externalIds: ids.slice(0, 20) },
    });
    return members;
  });
}
