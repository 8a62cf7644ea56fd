import { gql } from '@urql/core';

/** Demand: ideas ranked by who wants them, and the same as CSV. */

const DEMAND_ARGS =
  '$community: String!, $orderBy: DemandOrder, $weightBy: String, $segmentId: ID, $status: [ThreadStatus!]';

export const DEMAND = gql`
  query AdminDemand(${DEMAND_ARGS}) {
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

export const DEMAND_CSV = gql`
  query AdminDemandCsv(${DEMAND_ARGS}) {
    community(slug: $community) {
      id
      demandCsv(orderBy: $orderBy, weightBy: $weightBy, segmentId: $segmentId, status: $status)
    }
  }
`;
