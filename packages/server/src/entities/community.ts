import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, updatedAtProperty } from './common.ts';

/** Per-community settings kept as one JSON document; later features add optional keys. */
export interface CommunitySettings {
  /** CSS custom properties applied to the widget, e.g. `{ "--rapport-accent": "#0a7" }`. */
  theme?: Record<string, string>;
  /** Ranking weights and thresholds over the defaults (services/ranking/settings.ts). */
  ranking?: Record<string, Record<string, number> | number>;
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
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export class Community extends CommunitySchema.class {}
CommunitySchema.setClass(Community);
