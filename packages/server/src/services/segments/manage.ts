/** Segments saved by managers: made, changed and removed (audited), listed for staff. */

import { badInput, notFound } from '../../core/errors.ts';
import { type Scope, write } from '../../core/scope.ts';
import * as valid from '../../core/validation.ts';
import { Ask, Segment } from '../../entities/index.ts';
import type { StaffActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { checkRules, type SegmentRulesInput } from './rules.ts';

/** Segments a community may keep. */
export const MAX_SEGMENTS = 100;

export function listSegments(scope: Scope): Promise<Segment[]> {
  return scope.em.find(Segment, {}, { orderBy: { name: 'asc', id: 'asc' }, populate: ['createdBy'] });
}

export function findSegment(scope: Scope, id: string): Promise<Segment | null> {
  return valid.isUuid(id) ? scope.em.findOne(Segment, { id }, { populate: ['createdBy'] }) : Promise.resolve(null);
}

/** Makes a segment, or changes the one `id` names. */
export async function saveSegment(
  scope: Scope,
  actor: StaffActor,
  input: { id?: string | null; name: string; rules: SegmentRulesInput },
): Promise<Segment> {
  const name = valid.line(input.name, valid.SERVER_LIMITS.segmentName);
  const rules = await checkRules(scope, input.rules);
  return write(scope, async (em) => {
    if (input.id != null) {
      const segment = valid.isUuid(input.id) ? await em.findOne(Segment, { id: input.id }) : null;
      if (!segment) throw notFound('error.segment.notFound');
      const before = { name: segment.name, rules: segment.rules };
      em.assign(segment, { name, rules });
      recordAudit(em, scope.communityId, actor, {
        action: 'segment.update',
        targetType: 'Segment',
        targetId: segment.id,
        before,
        after: { name, rules },
      });
      return segment;
    }
    if ((await em.count(Segment, {})) >= MAX_SEGMENTS)
      throw badInput(['error.segment.tooMany', { max: MAX_SEGMENTS }], 'name');
    const segment = em.create(Segment, { community: scope.communityId, name, rules, createdBy: actor.staff });
    recordAudit(em, scope.communityId, actor, {
      action: 'segment.create',
      targetType: 'Segment',
      targetId: segment.id,
      after: { name, rules },
    });
    return segment;
  });
}

export async function deleteSegment(scope: Scope, actor: StaffActor, id: string): Promise<string> {
  return write(scope, async (em) => {
    const segment = valid.isUuid(id) ? await em.findOne(Segment, { id }) : null;
    if (!segment) throw notFound('error.segment.notFound');
    // A draft for it would otherwise be asked of everyone once published.
    if ((await em.count(Ask, { segment: segment.id, status: 'DRAFT' })) > 0)
      throw badInput('error.segment.inUse', 'id');
    recordAudit(em, scope.communityId, actor, {
      action: 'segment.delete',
      targetType: 'Segment',
      targetId: segment.id,
      before: { name: segment.name, rules: segment.rules },
    });
    em.remove(segment);
    return id;
  });
}
