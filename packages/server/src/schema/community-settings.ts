/** A community's settings: name, embed origins, SSO keys, and the widget's theme. */

import { withDerivedColours } from '@rapport/shared/theme-palette.ts';
import { THEME_PROPERTIES } from '@rapport/shared/theme-values.ts';
import { notFound } from '../core/errors.ts';
import type { Community, SsoKey } from '../entities/index.ts';
import {
  activeSsoKeys,
  communityById,
  retireSsoKey,
  rotateSsoKey,
  setAllowedOrigins,
  updateCommunity,
} from '../services/communities.ts';
import { builder } from './builder.ts';
import { CommunityRef } from './community.ts';

interface ThemeValue {
  property: string;
  value: string;
}

const ThemeValueRef = builder.objectRef<ThemeValue>('ThemeValue').implement({
  description: 'A CSS custom property the widget uses, e.g. --rapport-accent: #0a6e46.',
  fields: (t) => ({ property: t.exposeString('property'), value: t.exposeString('value') }),
});

const themeOf = (community: Community, derived: boolean): ThemeValue[] => {
  const saved = community.settings.theme ?? {};
  return Object.entries(derived ? withDerivedColours(saved) : saved).map(([property, value]) => ({ property, value }));
};

const SsoKeyRef = builder.objectRef<SsoKey>('SsoKey').implement({
  description: 'A key the brand signs customer tokens with. Its secret is shown only when it is made.',
  fields: (t) => ({
    keyId: t.exposeString('kid'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(CommunityRef, (t) => ({
  theme: t.field({
    type: [ThemeValueRef],
    description: "The widget's theme, set by the brand in the admin console.",
    args: {
      derived: t.arg.boolean({
        defaultValue: false,
        description: 'Add what the widget derives: a dark-scheme accent from the light one, where the brand set none.',
      }),
    },
    resolve: (community, args) => themeOf(community, args.derived ?? false),
  }),
  allowedOrigins: t.stringList({
    nullable: true,
    description: 'Managers: the origins allowed to embed the widget.',
    authScopes: { manager: true },
    resolve: (community) => community.allowedOrigins,
  }),
  ssoKeys: t.field({
    type: [SsoKeyRef],
    nullable: true,
    description: 'Managers: the active SSO signing keys (ids only).',
    authScopes: { manager: true },
    resolve: (_community, _args, ctx) => activeSsoKeys(ctx.scope().em),
  }),
}));

const ThemeValueInput = builder.inputType('ThemeValueInput', {
  fields: (t) => ({
    property: t.string({ description: `One of ${THEME_PROPERTIES.join(', ')}.` }),
    value: t.string({ description: 'A plain CSS value (a colour, a length, font names); empty to remove.' }),
  }),
});

const UpdateCommunityInput = builder.inputType('UpdateCommunityInput', {
  fields: (t) => ({
    name: t.string({ required: false }),
    theme: t.field({ type: [ThemeValueInput], required: false, description: 'Replaces the whole theme.' }),
    defaultLocale: t.string({
      required: false,
      description:
        "The widget's language when the page, the token and the browser ask for none we ship; also emails' for members without one.",
    }),
  }),
});

const NewSsoKeyRef = builder.objectRef<SsoKey>('NewSsoKey').implement({
  description: "A new signing key. The secret is shown this once: put it on the brand's server.",
  fields: (t) => ({
    keyId: t.exposeString('kid'),
    secret: t.exposeString('secret'),
  }),
});

builder.mutationFields((t) => ({
  updateCommunity: t.field({
    type: CommunityRef,
    description: "Managers: the community's name, default language and the widget's theme. Audited.",
    authScopes: { manager: true },
    args: { input: t.arg({ type: UpdateCommunityInput }) },
    resolve: (_root, { input }, ctx) =>
      updateCommunity(
        ctx.scope().em,
        ctx.scope().communityId,
        {
          name: input.name,
          theme: input.theme ? Object.fromEntries(input.theme.map((v) => [v.property, v.value])) : undefined,
          defaultLocale: input.defaultLocale,
        },
        ctx.staff(),
      ),
  }),
  setAllowedOrigins: t.field({
    type: CommunityRef,
    description: 'Managers: the origins allowed to embed the widget (replaces the list). Audited.',
    authScopes: { manager: true },
    args: { origins: t.arg.stringList() },
    resolve: (_root, args, ctx) =>
      setAllowedOrigins(ctx.scope().em, ctx.scope().communityId, args.origins, ctx.staff()),
  }),
  rotateSsoKey: t.field({
    type: NewSsoKeyRef,
    description: 'Managers: a new SSO signing key; the old ones keep working until retired. Audited.',
    authScopes: { manager: true },
    resolve: (_root, _args, ctx) => rotateSsoKey(ctx.scope().em, ctx.scope().communityId, ctx.staff()),
  }),
  retireSsoKey: t.field({
    type: CommunityRef,
    description: 'Managers: tokens signed with this key stop working at once. Audited.',
    authScopes: { manager: true },
    args: { keyId: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      await retireSsoKey(ctx.scope().em, ctx.scope().communityId, args.keyId, ctx.staff());
      const community = await communityById(ctx.scope().em, ctx.scope().communityId);
      if (!community) throw notFound('error.notFound.community');
      return community;
    },
  }),
}));
