import { gql } from '@urql/core';
import type {
  AdminOutreachQuery,
  AdminOutreachQueryVariables,
  AdminRotateInboundMutation,
  AdminRotateInboundMutationVariables,
  AdminUpdateOutreachMutation,
  AdminUpdateOutreachMutationVariables,
} from '../generated/graphql.ts';

/** The roadmap and email settings (Settings → Roadmap and emails). */

export const OUTREACH = gql<AdminOutreachQuery, AdminOutreachQueryVariables>`
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

export type Outreach = NonNullable<NonNullable<AdminOutreachQuery['community']>['outreach']>;

export const UPDATE_OUTREACH = gql<AdminUpdateOutreachMutation, AdminUpdateOutreachMutationVariables>`
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

export const ROTATE_INBOUND = gql<AdminRotateInboundMutation, AdminRotateInboundMutationVariables>`
  mutation AdminRotateInbound {
    rotateInboundEmailSecret
  }
`;
