import { gql } from '@urql/core';
import type {
  AdminCreateWebhookMutation,
  AdminCreateWebhookMutationVariables,
  AdminDeleteWebhookMutation,
  AdminDeleteWebhookMutationVariables,
  AdminRedeliverMutation,
  AdminRedeliverMutationVariables,
  AdminUpdateWebhookMutation,
  AdminUpdateWebhookMutationVariables,
  AdminWebhooksQuery,
  AdminWebhooksQueryVariables,
} from '../generated/graphql.ts';

/** Webhooks and their deliveries. */

export const WEBHOOKS = gql<AdminWebhooksQuery, AdminWebhooksQueryVariables>`
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

export type Webhook = NonNullable<AdminWebhooksQuery['community']>['webhooks'][number];
export type WebhookDelivery = Webhook['deliveries']['edges'][number]['node'];

export const CREATE_WEBHOOK = gql<AdminCreateWebhookMutation, AdminCreateWebhookMutationVariables>`
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

export const UPDATE_WEBHOOK = gql<AdminUpdateWebhookMutation, AdminUpdateWebhookMutationVariables>`
  mutation AdminUpdateWebhook($id: ID!, $active: Boolean) {
    updateWebhook(id: $id, active: $active) {
      id
      active
    }
  }
`;

export const DELETE_WEBHOOK = gql<AdminDeleteWebhookMutation, AdminDeleteWebhookMutationVariables>`
  mutation AdminDeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`;

export const REDELIVER = gql<AdminRedeliverMutation, AdminRedeliverMutationVariables>`
  mutation AdminRedeliver($id: ID!) {
    redeliverWebhook(deliveryId: $id) {
      id
      status
    }
  }
`;
