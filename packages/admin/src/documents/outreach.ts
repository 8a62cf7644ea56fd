import { gql } from '@urql/core';

/** The roadmap and email settings (Settings → Roadmap and emails). */

export const OUTREACH = gql`
  query AdminOutreach($community: String!) {
    community(slug: $community) {
      id
      slug
      outreach {
        roadmapEnabled
        roadmapShippedDays
        communityPageUrl
        fromAddress
      }
    }
  }
`;

export const UPDATE_OUTREACH = gql`
  mutation AdminUpdateOutreach($input: OutreachSettingsInput!) {
    updateOutreachSettings(input: $input) {
      id
      outreach {
        roadmapEnabled
        roadmapShippedDays
        communityPageUrl
        fromAddress
      }
    }
  }
`;

export const ROTATE_INBOUND = gql`
  mutation AdminRotateInbound {
    rotateInboundEmailSecret
  }
`;
