import { gql } from '../client/gql.ts';
import type {
  WidgetMarkNewsReadMutation,
  WidgetMarkNewsReadMutationVariables,
  WidgetWhatsNewQuery,
  WidgetWhatsNewQueryVariables,
} from '../generated/graphql.ts';
import type { Published } from './documents.ts';
import { AUTHOR } from './thread.ts';

/** "What's new" (loaded with its view). */
export const WHATS_NEW = gql<WidgetWhatsNewQuery, WidgetWhatsNewQueryVariables>`
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

export const MARK_NEWS_READ = gql<WidgetMarkNewsReadMutation, WidgetMarkNewsReadMutationVariables>`
  mutation WidgetMarkNewsRead {
    markChangelogRead
  }
`;

/** A "What's new" entry as the widget shows it (customers see published entries only). */
export type ChangelogEntry = Published<
  NonNullable<WidgetWhatsNewQuery['community']>['changelog']['edges'][number]['node']
>;
