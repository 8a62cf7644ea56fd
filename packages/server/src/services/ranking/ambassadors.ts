import { badInput, notFound } from '../../core/errors.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { Member } from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

/**
 * A manager flags a member as an ambassador (or takes the flag away), with a reason: the badge
 * shows next to their name in the widget. Audited; the ranking only ever suggests.
 */
export async function setAmbassador(
  scope: Scope,
  actor: StaffActor,
  memberId: string,
  flagged: boolean,
  reasonText: string,
): Promise<Member> {
  const reason = valid.line(reasonText, valid.LIMITS.reason);
  return write(scope, async (em) => {
    const member = valid.isUuid(memberId) ? await em.findOne(Member, { id: memberId, erasedAt: null }) : null;
    if (!member) throw notFound('error.notFound.member');
    if (Boolean(member.ambassadorFlaggedAt) === flagged) {
      throw badInput(
        [flagged ? 'error.ambassador.already' : 'error.ambassador.notAlready', { name: member.displayName }],
        'memberId',
      );
    }
    const before = { ambassador: !flagged, reason: member.ambassadorReason };
    member.ambassadorFlaggedAt = flagged ? new Date() : null;
    member.ambassadorFlaggedBy = flagged ? actor.staff : null;
    member.ambassadorReason = flagged ? reason : null;
    recordAudit(em, scope.communityId, actor, {
      action: flagged ? 'member.ambassador' : 'member.unambassador',
      targetType: 'Member',
      targetId: member.id,
      before,
      after: { ambassador: flagged, reason },
    });
    return member;
  });
}
