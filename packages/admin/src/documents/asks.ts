import { gql } from '@urql/core';

/** Asks: the list, writing one, and one ask with its results, live. */

const TALLY = 'label answered counts';

export const CREATE_ASK = gql`
  mutation AdminCreateAsk($input: AskInput!) {
    createAsk(input: $input) {
      id
    }
  }
`;

export const ASK = gql`
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
          overall { ${TALLY} }
          bySegment { ${TALLY} }
          byAttribute { ${TALLY} }
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
`;

export const ASK_CSV = gql`
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

export const ASK_EVENTS = gql`
  subscription AdminAskEvents($community: String!, $id: ID!) {
    askEvents(community: $community, id: $id) {
      type
    }
  }
`;

export const PUBLISH_ASK = gql`
  mutation AdminPublishAsk($id: ID!) {
    publishAsk(id: $id) {
      id
    }
  }
`;

export const CLOSE_ASK = gql`
  mutation AdminCloseAsk($id: ID!) {
    closeAsk(id: $id) {
      id
    }
  }
`;

export const DELETE_ASK = gql`
  mutation AdminDeleteAsk($id: ID!) {
    deleteAsk(id: $id)
  }
`;

export const OPEN_FOLLOW_UP = gql`
  mutation AdminOpenAskFollowUp($id: ID!, $kind: ThreadKind!, $title: String!, $body: String) {
    openAskFollowUp(id: $id, kind: $kind, title: $title, body: $body) {
      id
    }
  }
`;

export const ASKS = gql`
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
