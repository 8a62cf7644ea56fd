import { gql } from '@urql/core';

/** Handovers between staff members. */

export const HANDOVERS = gql`
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
