import { gql } from '../client/gql.ts';
import type {
  WidgetBringGuestActivityMutation,
  WidgetBringGuestActivityMutationVariables,
  WidgetGuestActivityFieldsFragment,
  WidgetGuestActivityQuery,
  WidgetGuestActivityQueryVariables,
} from '../generated/graphql.ts';

/** A signed-in customer's guest past on this browser (loaded with the notice, not with the widget). */

const GUEST_ACTIVITY_FIELDS = gql<WidgetGuestActivityFieldsFragment>`
  fragment WidgetGuestActivityFields on GuestActivity {
    displayName
    threadCount
    replyCount
    voteCount
    followCount
  }
`;

export const GUEST_ACTIVITY = gql<WidgetGuestActivityQuery, WidgetGuestActivityQueryVariables>`
  query WidgetGuestActivity($token: String!) {
    guestActivity(guestToken: $token) {
      ...WidgetGuestActivityFields
    }
  }
  ${GUEST_ACTIVITY_FIELDS}
`;

export const BRING_GUEST_ACTIVITY = gql<WidgetBringGuestActivityMutation, WidgetBringGuestActivityMutationVariables>`
  mutation WidgetBringGuestActivity($token: String!) {
    bringGuestActivity(guestToken: $token) {
      ...WidgetGuestActivityFields
    }
  }
  ${GUEST_ACTIVITY_FIELDS}
`;
