import { gql } from '@urql/core';
import type { AdminHandoversQuery, AdminHandoversQueryVariables } from '../generated/graphql.ts';

/** Handovers between staff members. */

export const HANDOVERS = gql<AdminHandoversQuery, AdminHandoversQueryVariables>`
  query AdminHandovers($community: String!) {
    community(slug: $community) {
      id
      handovers {
        id
        reason
        createdAt
        from {
          name
        }
        to {
          name
        }
        by {
          name
        }
        followedThreadCount
        threads {
          id
          title
        }
        members {
          id
        }
        brief {
          displayName
          email
          summary
          facts {
            threadCount
            replyCount
            voteCount
            memberSince
            lastAnsweredBy
            lastAnsweredAt
          }
          topics
          sentiment
          member {
            id
          }
          openQuestions {
            title
            waitingSince
            thread {
              id
            }
          }
        }
      }
    }
  }
`;

export type Handover = NonNullable<AdminHandoversQuery['community']>['handovers'][number];

/** One customer in a handover's brief; `summary` is in English, `facts` say the same for the reader's language (older briefs have none). */
export type BriefEntry = Handover['brief'][number];
