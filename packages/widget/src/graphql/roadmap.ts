import { gql } from '@urql/core';
import { THREAD_SUMMARY } from './documents.ts';

/** The roadmap's columns (loaded with the Roadmap view). */
export const ROADMAP = gql`
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
