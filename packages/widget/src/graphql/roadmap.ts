import { gql } from '../client/gql.ts';
import type { WidgetRoadmapQuery, WidgetRoadmapQueryVariables } from '../generated/graphql.ts';
import { THREAD_SUMMARY } from './documents.ts';

/** The roadmap's columns (loaded with the Roadmap view). */
export const ROADMAP = gql<WidgetRoadmapQuery, WidgetRoadmapQueryVariables>`
  query WidgetRoadmap($community: String!, $signedIn: Boolean!) {
    community(slug: $community) {
      id
      roadmap {
        planned {
          ...ThreadSummary
        }
        inProgress {
          ...ThreadSummary
        }
        shipped {
          ...ThreadSummary
        }
      }
    }
  }
  ${THREAD_SUMMARY}
`;

/** The roadmap's columns, as the document selects them. */
export type Roadmap = NonNullable<NonNullable<WidgetRoadmapQuery['community']>['roadmap']>;
