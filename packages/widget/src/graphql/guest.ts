import { gql } from '@urql/core';

/** The guest prompt's (loaded with it). */

export const START_GUEST = gql`
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
