import { defineEntity, p } from '@mikro-orm/core';
import { updatedAtProperty } from './common.ts';
import { Community } from './community.ts';
import { Member } from './member.ts';

/**
 * A member's standing in the ranking (services/ranking): love, reach and sentiment, and the score
 * that combines them. Values are kept "at the epoch" (each contribution scaled up by how far past
 * the epoch it happened, see ranking/model.ts), so decay never needs a rewrite: every row shrinks
 * by the same factor as time passes, and ordering by the stored score is ordering by today's score.
 */
const MemberScoreSchema = defineEntity({
  name: 'MemberScore',
  indexes: [{ properties: ['community', 'score'] }, { properties: ['community', 'reach'] }],
  properties: {
    member: () => p.manyToOne(Member).primary(),
    /**
     * No foreign key of its own: the member's row (whose foreign key cascades) already ties the
     * score to the member's community, and only the ranking writes this column, from that member.
     * A second check per row was a third of the time a full recompute spends writing scores.
     */
    community: () => p.manyToOne(Community).createForeignKeyConstraint(false),
    love: p.double().$type<number>().default(0),
    reach: p.double().$type<number>().default(0),
    /** Sentiment of their visible posts and replies, weighted by recency: sum and weight. */
    sentimentSum: p.double().$type<number>().default(0),
    sentimentWeight: p.double().$type<number>().default(0),
    /** How many of their posts and replies count toward sentiment (not decayed). */
    textCount: p.integer().default(0),
    score: p.double().$type<number>().default(0),
    updatedAt: updatedAtProperty(),
  },
});

export class MemberScore extends MemberScoreSchema.class {}
MemberScoreSchema.setClass(MemberScore);
