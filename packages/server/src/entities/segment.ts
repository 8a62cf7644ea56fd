import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';
import { Community } from './community.ts';
import type { ConsentPurpose } from './consent-record.ts';
import { StaffMember } from './staff-member.ts';

export const SEGMENT_STANDINGS = ['AMBASSADORS', 'SUGGESTED', 'CRITICS'] as const;
export type SegmentStanding = (typeof SEGMENT_STANDINGS)[number];
export const PARTICIPATIONS = ['POSTED', 'VOTED', 'EITHER'] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

export type AttributeValue = string | number | boolean;

/** One attribute's test: equal to a value, one of some values, or within a numeric range. */
export interface AttributeRule {
  key: string;
  equals?: AttributeValue;
  in?: AttributeValue[];
  min?: number;
  max?: number;
}

/** What a member must be to be in a segment: every rule given holds (services/segments/rules.ts). */
export interface SegmentRules {
  attributes?: AttributeRule[];
  standing?: SegmentStanding;
  /** In the top of the ranking by score: 90 is the top tenth. */
  minScorePercentile?: number;
  /** Took part (posted, replied, voted…) within these many days. */
  activeWithinDays?: number;
  /** Posted in (thread or reply) or voted for this thread. */
  thread?: { id: string; how: Participation };
  consent?: { purpose: ConsentPurpose; granted: boolean };
  locales?: string[];
}

/** A group of a community's customers, saved by a manager as rules; counted and listed live. */
const SegmentSchema = defineEntity({
  name: 'Segment',
  indexes: [{ properties: ['community', 'name'] }],
  properties: {
    id: idProperty(),
    community: () => p.manyToOne(Community),
    name: p.string().length(80),
    rules: p.json<SegmentRules>().$type<SegmentRules>(),
    createdBy: () => p.manyToOne(StaffMember).nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class Segment extends SegmentSchema.class {}
SegmentSchema.setClass(Segment);
