import { gql } from '../client/gql.ts';
import type { WidgetStartGuestMutation, WidgetStartGuestMutationVariables } from '../generated/graphql.ts';

/** The guest prompt's (loaded with it). */

export const START_GUEST = gql<WidgetStartGuestMutation, WidgetStartGuestMutationVariables>`
  mutation WidgetStartGuest($community: String!, $name: String!, $browser: String) {
    startGuestSession(community: $community, displayName: $name, browser: $browser) {
      token
      viewer {
        member {
          displayName
        }
      }
    }
  }
`;
