import { gql } from '@urql/core';
import { AUTHOR } from './thread.ts';

/** "What's new" (loaded with its view). */
export const WHATS_NEW = gql`
  query WidgetWhatsNew($community: String!, $after: String) {
    community(slug: $community) {
      id
      changelog(first: 10, after: $after) {
        edges {
          node {
            id
            title
            bodyFormatted
            publishedAt
            editedAt
            author {
              ...Author
            }
            threads {
              id
              title
              status
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
  ${AUTHOR}
`;

export const MARK_NEWS_READ = gql`
  mutation WidgetMarkNewsRead {
    markChangelogRead
  }
`;
