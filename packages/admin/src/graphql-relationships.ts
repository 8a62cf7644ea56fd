import { gql } from '@urql/core';

/**
 * The documents of the relationship and data-protection screens: handovers, the owner of a
 * customer, webhooks and clean-up (split from graphql.ts, which holds the rest).
 */

export const HANDOVERS = gql`
  query AdminHandovers($community: String!) {
    community(slug: $community) {
      id
      handovers {
        id
        reason
        createdAt
        from {
          name
        }
        to {
          name
        }
        by {
          name
        }
        followedThreadCount
        threads {
          id
          title
        }
        members {
          id
        }
        brief {
          displayName
          email
          summary
          facts {
            threadCount
            replyCount
            voteCount
            memberSince
            lastAnsweredBy
            lastAnsweredAt
          }
          topics
          sentiment
          member {
            id
          }
          openQuestions {
            title
            waitingSince
            thread {
              id
            }
          }
        }
      }
    }
  }
`;

export const SET_OWNER = gql`
  mutation AdminSetOwner($member: ID!, $owner: ID) {
    setMemberOwner(memberId: $member, ownerId: $owner) {
      id
    }
  }
`;

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

export const CLEANUP_PREVIEW = gql`
  query AdminCleanupPreview($community: String!, $rule: CleanupRule!, $inactiveDays: Int, $segmentId: ID) {
    community(slug: $community) {
      id
      cleanupPreview(rule: $rule, inactiveDays: $inactiveDays, segmentId: $segmentId) {
        total
        memberIds
        candidates(first: 100) {
          reason
          lastActiveAt
          member {
            id
            displayName
            email
          }
        }
      }
    }
  }
`;

export const CLEANUPS = gql`
  query AdminCleanups($community: String!) {
    community(slug: $community) {
      id
      cleanups {
        id
        rule
        memberCount
        dueAt
        canUndo
        undoneAt
        createdAt
        by {
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

export const RUN_CLEANUP = gql`
  mutation AdminRunCleanup($rule: CleanupRule!, $inactiveDays: Int, $segmentId: ID, $ids: [ID!]!) {
    runCleanup(rule: $rule, inactiveDays: $inactiveDays, segmentId: $segmentId, memberIds: $ids) {
      skipped
      cleanup {
        id
        memberCount
        dueAt
      }
    }
  }
`;

export const UNDO_CLEANUP = gql`
  mutation AdminUndoCleanup($id: ID!) {
    undoCleanup(id: $id) {
      id
      canUndo
    }
  }
`;

export const RECORD_CONSENT = gql`
  mutation AdminRecordConsent($member: ID!, $purpose: ConsentPurpose!, $granted: Boolean!, $text: String!) {
    recordMemberConsent(memberId: $member, purpose: $purpose, granted: $granted, textShown: $text) {
      purpose
      granted
    }
  }
`;
