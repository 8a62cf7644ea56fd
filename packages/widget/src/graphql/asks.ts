import { gql } from '../client/gql.ts';
import type {
  WidgetAnswerAskMutation,
  WidgetAnswerAskMutationVariables,
  WidgetOpenAsksQuery,
  WidgetOpenAsksQueryVariables,
} from '../generated/graphql.ts';
import type { Published } from './documents.ts';
import { AUTHOR } from './thread.ts';

/** The asks put to the signed-in customer (loaded with their cards, for members only). */
export const OPEN_ASKS = gql<WidgetOpenAsksQuery, WidgetOpenAsksQueryVariables>`
  query WidgetOpenAsks {
    viewer {
      openAsks {
        id
        question
        details
        choices
        multiple
        allowText
        closesAt
        publishedAt
        author {
          ...Author
        }
        viewerAnswer {
          choices
          text
        }
      }
    }
  }
  ${AUTHOR}
`;

export const ANSWER_ASK = gql<WidgetAnswerAskMutation, WidgetAnswerAskMutationVariables>`
  mutation WidgetAnswerAsk($id: ID!, $choices: [Int!], $text: String) {
    answerAsk(id: $id, choices: $choices, text: $text) {
      id
      choices
      text
    }
  }
`;

/** A question or poll from a named staff member, put to this customer (open asks are published). */
export type Ask = Published<NonNullable<WidgetOpenAsksQuery['viewer']>['openAsks'][number]>;
