import { gql } from '@urql/core';

/** Reports to the moderators. */

export const REPORTS = gql`
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

export const RESOLVE_REPORT = gql`
  mutation AdminResolveReport($id: ID!, $resolution: ReportResolution!) {
    resolveReport(reportId: $id, resolution: $resolution) {
      id
    }
  }
`;
