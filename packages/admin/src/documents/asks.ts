import { gql } from '@urql/core';
import type {
  AdminAskCsvQuery,
  AdminAskCsvQueryVariables,
  AdminAskEventsSubscription,
  AdminAskEventsSubscriptionVariables,
  AdminAskQuery,
  AdminAskQueryVariables,
  AdminAsksQuery,
  AdminAsksQueryVariables,
  AdminCloseAskMutation,
  AdminCloseAskMutationVariables,
  AdminCreateAskMutation,
  AdminCreateAskMutationVariables,
  AdminDeleteAskMutation,
  AdminDeleteAskMutationVariables,
  AdminOpenAskFollowUpMutation,
  AdminOpenAskFollowUpMutationVariables,
  AdminPublishAskMutation,
  AdminPublishAskMutationVariables,
  AskTallyFragment,
} from '../generated/graphql.ts';

/** Asks: the list, writing one, and one ask with its results, live. */

const TALLY = gql<AskTallyFragment>`
  fragment AskTally on AskTally {
    label
    answered
    counts
  }
`;

export type AskTally = AskTallyFragment;

export const CREATE_ASK = gql<AdminCreateAskMutation, AdminCreateAskMutationVariables>`
  mutation AdminCreateAsk($input: AskInput!) {
    createAsk(input: $input) {
      id
    }
  }
`;

export const ASK = gql<AdminAskQuery, AdminAskQueryVariables>`
  query AdminAsk($community: String!, $id: ID!, $segmentIds: [ID!], $attribute: String) {
    community(slug: $community) {
      id
      ask(id: $id) {
        id
        question
        details
        choices
        multiple
        allowText
        status
        closesAt
        publishedAt
        targetName
        segment {
          id
          name
        }
        author {
          id
          name
          title
        }
        followUp {
          id
          title
        }
        results(segmentIds: $segmentIds, attribute: $attribute) {
          asked
          overall {
            ...AskTally
          }
          bySegment {
            ...AskTally
          }
          byAttribute {
            ...AskTally
          }
        }
        answers(first: 50) {
          id
          choices
          text
          updatedAt
          member {
            id
            displayName
          }
        }
      }
      segments {
        id
        name
      }
    }
  }
  ${TALLY}
`;

export type Ask = NonNullable<NonNullable<AdminAskQuery['community']>['ask']>;

export const ASK_CSV = gql<AdminAskCsvQuery, AdminAskCsvQueryVariables>`
  query AdminAskCsv($community: String!, $id: ID!) {
    community(slug: $community) {
      id
      ask(id: $id) {
        id
        csv
      }
    }
  }
`;

export const ASK_EVENTS = gql<AdminAskEventsSubscription, AdminAskEventsSubscriptionVariables>`
  subscription AdminAskEvents($community: String!, $id: ID!) {
    askEvents(community: $community, id: $id) {
      type
    }
  }
`;

export const PUBLISH_ASK = gql<AdminPublishAskMutation, AdminPublishAskMutationVariables>`
  mutation AdminPublishAsk($id: ID!) {
    publishAsk(id: $id) {
      id
    }
  }
`;

export const CLOSE_ASK = gql<AdminCloseAskMutation, AdminCloseAskMutationVariables>`
  mutation AdminCloseAsk($id: ID!) {
    closeAsk(id: $id) {
      id
    }
  }
`;

export const DELETE_ASK = gql<AdminDeleteAskMutation, AdminDeleteAskMutationVariables>`
  mutation AdminDeleteAsk($id: ID!) {
    deleteAsk(id: $id)
  }
`;

export const OPEN_FOLLOW_UP = gql<AdminOpenAskFollowUpMutation, AdminOpenAskFollowUpMutationVariables>`
  mutation AdminOpenAskFollowUp($id: ID!, $kind: ThreadKind!, $title: String!, $body: String) {
    openAskFollowUp(id: $id, kind: $kind, title: $title, body: $body) {
      id
    }
  }
`;

export const ASKS = gql<AdminAsksQuery, AdminAsksQueryVariables>`
  query AdminAsks($community: String!) {
    community(slug: $community) {
      id
      asks {
        id
        question
        status
        closesAt
        targetName
        segment {
          id
          name
        }
        author {
          id
          name
        }
      }
      segments {
        id
        name
      }
    }
  }
`;

export type AskRow = NonNullable<AdminAsksQuery['community']>['asks'][number];
