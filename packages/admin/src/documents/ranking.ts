import { gql } from '@urql/core';
import type {
  AdminBreakdownQuery,
  AdminBreakdownQueryVariables,
  AdminFlagAmbassadorMutation,
  AdminFlagAmbassadorMutationVariables,
  AdminPulseQuery,
  AdminPulseQueryVariables,
  AdminRankingQuery,
  AdminRankingQueryVariables,
} from '../generated/graphql.ts';

/** Ambassadors and critics: the ranking, one score explained, flagging; the pulse. */

export const RANKING = gql<AdminRankingQuery, AdminRankingQueryVariables>`
  query AdminRanking($community: String!, $segment: RankingSegment, $after: String) {
    community(slug: $community) {
      id
      ranking(first: 25, segment: $segment, after: $after) {
        rules {
          ambassadors {
            percentile
            minRecentActivities
            recentDays
          }
          critics {
            reachPercentile
            minTexts
            maxSentiment
          }
        }
        edges {
          node {
            rank
            score
            love
            reach
            sentiment
            textCount
            trend
            isAmbassador
            isSuggested
            isCritic
            member {
              id
              displayName
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

type Ranking = NonNullable<AdminRankingQuery['community']>['ranking'];
export type RankingRow = Ranking['edges'][number]['node'];
export type RankingRules = Ranking['rules'];

export const BREAKDOWN = gql<AdminBreakdownQuery, AdminBreakdownQueryVariables>`
  query AdminBreakdown($community: String!, $id: ID!) {
    community(slug: $community) {
      id
      member(id: $id) {
        id
        displayName
        isAmbassador
        standing {
          rank
          breakdown {
            love
            reach
            sentiment
            score
            settings {
              halfLifeDays
              score {
                love
                reach
                sentiment
              }
            }
            contributions {
              activityType
              component
              value
              at
              thread {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`;

type Standing = NonNullable<NonNullable<NonNullable<AdminBreakdownQuery['community']>['member']>['standing']>;

/** One activity that counts; `value` null: a text that could not be measured (its language has no lexicon). */
export type Contribution = Standing['breakdown']['contributions'][number];

export const FLAG_AMBASSADOR = gql<AdminFlagAmbassadorMutation, AdminFlagAmbassadorMutationVariables>`
  mutation AdminFlagAmbassador($id: ID!, $reason: String!, $flag: Boolean!) {
    flagAmbassador(memberId: $id, reason: $reason) @include(if: $flag) {
      id
    }
    unflagAmbassador(memberId: $id, reason: $reason) @skip(if: $flag) {
      id
    }
  }
`;

export const PULSE = gql<AdminPulseQuery, AdminPulseQueryVariables>`
  query AdminPulse($community: String!, $from: DateTime!, $to: DateTime!, $bucket: PulseBucketSize) {
    community(slug: $community) {
      id
      pulse(from: $from, to: $to, bucket: $bucket) {
        start
        end
        threads
        replies
        newMembers
        sentiment
        answeredShare
        medianFirstReplyMinutes
        topics {
          word
          count
        }
      }
    }
  }
`;

export type PulseBucket = NonNullable<AdminPulseQuery['community']>['pulse'][number];
