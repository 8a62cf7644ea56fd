import { gql } from '@urql/core';
import type {
  AdminReportsQuery,
  AdminReportsQueryVariables,
  AdminResolveReportMutation,
  AdminResolveReportMutationVariables,
} from '../generated/graphql.ts';

/** Reports to the moderators. */

export const REPORTS = gql<AdminReportsQuery, AdminReportsQueryVariables>`
  query AdminReports($community: String!, $after: String) {
    community(slug: $community) {
      id
      reports(first: 30, after: $after) {
        edges {
          node {
            id
            reason
            createdAt
            reporter {
              displayName
            }
            thread {
              id
              title
              body
            }
            reply {
              id
              body
              author {
                displayName
              }
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

export type Report = NonNullable<AdminReportsQuery['community']>['reports']['edges'][number]['node'];

export const RESOLVE_REPORT = gql<AdminResolveReportMutation, AdminResolveReportMutationVariables>`
  mutation AdminResolveReport($id: ID!, $resolution: ReportResolution!) {
    resolveReport(reportId: $id, resolution: $resolution) {
      id
    }
  }
`;
