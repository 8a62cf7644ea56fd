import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';

/** Per-community settings kept as one JSON document; later features add optional keys. */
export interface CommunitySettings {
  /** The language of the widget when nothing else chooses one, and of emails to members without one (default en). */
  defaultLocale?: string;
  /** CSS custom properties applied to the widget, e.g. `{ "--rapport-accent": "#0a7" }`. */
  theme?: Record<string, string>;
  /** Ranking weights and thresholds over the defaults (services/ranking/settings.ts). */
  ranking?: Record<string, Record<string, number> | number>;
  /** What happens when a member deletes their account (services/erasure.ts). */
  privacy?: {
    /** Days between the request and the erasure, while it can be cancelled (default 7). */
    deletionGraceDays?: number;
    /** Their threads and replies stay, shown as "Deleted member" (KEEP), or are removed (REMOVE). */
    erasedContent?: 'KEEP' | 'REMOVE';
  };
  /** The widget's Roadmap view (services/roadmap.ts). */
  roadmap?: {
    /** Whether the widget shows it (default true). */
    enabled?: boolean;
    /** How many days a shipped thread stays in its Shipped column (default 30). */
    shippedDays?: number;
  };
  /** How emails look and where they lead (services/mail). */
  email?: {
    /** The brand's page that embeds the widget: every email links back to threads there. */
    communityPageUrl?: string;
    /** The From address instead of the server's MAIL_FROM (the brand's domain must allow it). */
    fromAddress?: string;
  };
}

/** The tenant: one brand's community. Every row of tenant data points at one. */
const CommunitySchema = defineEntity({
  name: 'Community',
  properties: {
    id: idProperty(),
    slug: p.string().length(64).unique(),
    name: p.string().length(120),
    /** Origins (scheme://host[:port]) allowed to embed the widget and call the API from a browser. */
    allowedOrigins: p.json<string[]>().$type<string[]>(),
    settings: p.json<CommunitySettings>().$type<CommunitySettings>(),
    /**
     * Signs the links in emails (unsubscribe) so they work without signing in. Made on first use
     * (services/signed-links.ts); never leaves the server.
     */
    linkSecret: p.string().length(64).nullable().hidden(),
    /**
     * Authenticates the brand's mail provider posting replies by email to the inbound endpoint
     * (services/mail/inbound). Made on request in the console; shown once.
     */
    inboundSecretHash: p.string().length(64).nullable().hidden(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class Community extends CommunitySchema.class {}
CommunitySchema.setClass(Community);
