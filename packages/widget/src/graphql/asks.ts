import { gql } from '@urql/core';
import { AUTHOR } from './thread.ts';

/** The asks put to the signed-in customer (loaded with their cards, for members only). */
export const OPEN_ASKS = gql`
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

export const ANSWER_ASK = gql`
  mutation WidgetAnswerAsk($id: ID!, $choices: [Int!], $text: String) {
    answerAsk(id: $id, choices: $choices, text: $text) {
      id
      choices
      text
    }
  }
`;
