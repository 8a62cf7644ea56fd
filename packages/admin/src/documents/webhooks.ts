import { gql } from '@urql/core';

/** Webhooks and their deliveries. */

export const WEBHOOKS = gql`
  query AdminWebhooks($community: String!) {
    community(slug: $community) {
      id
      webhooks {
        id
        url
        events
        active
        format
        voteThreshold
        deliveries(first: 10) {
          edges {
            node {
              id
              event
              status
              attempts
              lastStatusCode
              lastError
              createdAt
            }
          }
        }
      }
    }
  }
`;

export const CREATE_WEBHOOK = gql`
  mutation AdminCreateWebhook(
    $url: String!
    $events: [WebhookEvent!]!
    $format: WebhookFormat
    $voteThreshold: Int
  ) {
    createWebhook(url: $url, events: $events, format: $format, voteThreshold: $voteThreshold) {
      secret
      webhook {
        id
      }
    }
  }
`;

export const UPDATE_WEBHOOK = gql`
  mutation AdminUpdateWebhook($id: ID!, $active: Boolean) {
    updateWebhook(id: $id, active: $active) {
      id
      active
    }
  }
`;

export const DELETE_WEBHOOK = gql`
  mutation AdminDeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`;

export const REDELIVER = gql`
  mutation AdminRedeliver($id: ID!) {
    redeliverWebhook(deliveryId: $id) {
      id
      status
    }
  }
`;
