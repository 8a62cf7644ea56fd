import { gql } from '@urql/core';
import type {
  AdminDemandCsvQuery,
  AdminDemandCsvQueryVariables,
  AdminDemandQuery,
  AdminDemandQueryVariables,
} from '../generated/graphql.ts';

/** Demand: ideas ranked by who wants them, and the same as CSV. */

export const DEMAND = gql<AdminDemandQuery, AdminDemandQueryVariables>`
  query AdminDemand(
    $community: String!,
    $orderBy: DemandOrder,
    $weightBy: String,
    $segmentId: ID,
    $status: [ThreadStatus!]
  ) {
    community(slug: $community) {
      id
      segments {
        id
        name
      }
      demand(orderBy: $orderBy, weightBy: $weightBy, segmentId: $segmentId, status: $status, first: 30) {
        ideas {
          thread {
            id
            title
            status
          }
          voters
          weight
          segmentVoters
          trend
          bySegment {
            standing
            segment {
              id
              name
            }
            voters
            share
          }
        }
      }
    }
  }
`;

export type DemandIdea = NonNullable<AdminDemandQuery['community']>['demand']['ideas'][number];

export const DEMAND_CSV = gql<AdminDemandCsvQuery, AdminDemandCsvQueryVariables>`
  query AdminDemandCsv(
    $community: String!,
    $orderBy: DemandOrder,
    $weightBy: String,
    $segmentId: ID,
    $status: [ThreadStatus!]
  ) {
    community(slug: $community) {
      id
      demandCsv(orderBy: $orderBy, weightBy: $weightBy, segmentId: $segmentId, status: $status)
    }
  }
`;
