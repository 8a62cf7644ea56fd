import { gql } from '@urql/core';

/** Ambassadors and critics: the ranking, one score explained, flagging; the pulse. */

export const RANKING = gql`
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

export const BREAKDOWN = gql`
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

export const FLAG_AMBASSADOR = gql`
  mutation AdminFlagAmbassador($id: ID!, $reason: String!, $flag: Boolean!) {
    flagAmbassador(memberId: $id, reason: $reason) @include(if: $flag) {
      id
    }
    unflagAmbassador(memberId: $id, reason: $reason) @skip(if: $flag) {
      id
    }
  }
`;

export const PULSE = gql`
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
