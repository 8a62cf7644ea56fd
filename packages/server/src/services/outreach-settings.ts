import { hashToken, newToken } from '../auth/tokens.ts';
import { badInput, notFound } from '../core/errors.ts';
import * as valid from '../core/validation.ts';
import type { Em } from '../db/em.ts';
import { Community, type CommunitySettings } from '../entities/index.ts';
import type { StaffActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** How the community reaches back to its customers: the roadmap they see, and its emails. */
export interface OutreachSettings {
  roadmapEnabled: boolean;
  /** Days a shipped thread stays in the roadmap's Shipped column. */
  roadmapShippedDays: number;
  /** The brand's page embedding the widget, where emails link to threads; null until set. */
  communityPageUrl: string | null;
  /** The From address of the community's emails instead of the server's; null: the server's. */
  fromAddress: string | null;
}

export const DEFAULT_SHIPPED_DAYS = 30;

export function outreachSettings(community: Community): OutreachSettings {
  const { roadmap = {}, email = {} } = community.settings;
  return {
    roadmapEnabled: roadmap.enabled ?? true,
    roadmapShippedDays: roadmap.shippedDays ?? DEFAULT_SHIPPED_DAYS,
    communityPageUrl: email.communityPageUrl ?? null,
    fromAddress: email.fromAddress ?? null,
  };
}

export type OutreachChange = { [K in keyof OutreachSettings]?: OutreachSettings[K] | null };

/** Changes what is given (an empty URL or address removes it). Audited. */
export async function updateOutreachSettings(
  em: Em,
  communityId: string,
  change: OutreachChange,
  by: StaffActor,
): Promise<Community> {
  if (change.roadmapShippedDays != null) {
    const days = change.roadmapShippedDays;
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      throw badInput('error.outreach.shippedDays', 'roadmapShippedDays');
    }
  }
  const fromAddress =
    change.fromAddress == null ? undefined : change.fromAddress.trim() ? valid.email(change.fromAddress) : null;
  return em.transactional(async (tx) => {
    const community = await tx.findOne(Community, { id: communityId });
    if (!community) throw notFound('error.notFound.community');
    let communityPageUrl: string | null | undefined;
    if (change.communityPageUrl != null) {
      const raw = change.communityPageUrl.trim();
      if (raw.length > 2000) throw badInput('error.urlTooLong', 'communityPageUrl');
      communityPageUrl = raw ? valid.httpUrl(raw, 'communityPageUrl') : null;
      if (communityPageUrl && !community.allowedOrigins.includes(new URL(communityPageUrl).origin)) {
        throw badInput(
          community.allowedOrigins.length
            ? ['error.outreach.pageOrigin', { origins: community.allowedOrigins.join(', ') }]
            : 'error.outreach.pageNoOrigin',
          'communityPageUrl',
        );
      }
    }
    const before = outreachSettings(community);
    const settings: CommunitySettings = {
      ...community.settings,
      roadmap: {
        ...community.settings.roadmap,
        ...(change.roadmapEnabled != null ? { enabled: change.roadmapEnabled } : {}),
        ...(change.roadmapShippedDays != null ? { shippedDays: change.roadmapShippedDays } : {}),
      },
      email: { ...community.settings.email },
    };
    if (communityPageUrl !== undefined)
      settings.email = { ...settings.email, communityPageUrl: communityPageUrl ?? undefined };
    if (fromAddress !== undefined) settings.email = { ...settings.email, fromAddress: fromAddress ?? undefined };
    community.settings = settings;
    recordAudit(tx, communityId, by, {
      action: 'community.outreach',
      targetType: 'Community',
      targetId: communityId,
      before: { ...before },
      after: { ...outreachSettings(community) },
    });
    return community;
  });
}

/**
 * A new secret for the brand's mail provider to post replies by email with (the old one stops
 * working). Shown this once; only its hash is kept. Audited.
 */
export async function rotateInboundSecret(em: Em, communityId: string, by: StaffActor): Promise<string> {
  const secret = newToken('rin_');
  await em.transactional(async (tx) => {
    const community = await tx.findOne(Community, { id: communityId });
    if (!community) throw notFound('error.notFound.community');
    community.inboundSecretHash = hashToken(secret);
    recordAudit(tx, communityId, by, {
      action: 'community.inbound-secret',
      targetType: 'Community',
      targetId: communityId,
    });
  });
  return secret;
}
