/**
 * Community API keys, for managers (Community.apiKeys, createApiKey with the key shown once,
 * revokeApiKey), and what the brand's servers do with one: upsertMembers (WRITE_MEMBERS); reading
 * members and the ranking (READ_MEMBERS) is granted on those fields.
 */

import { AppError } from '../core/errors.ts';
import { type API_KEY_SCOPES, type ApiKey, Community, StaffMember } from '../entities/index.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.ts';
import { MAX_UPSERT, upsertMembers } from '../services/members/upsert.ts';
import { builder } from './builder.ts';
import { MemberRef } from './member.ts';

const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  values: {
    READ_MEMBERS: { description: 'Read members (with e-mail and attributes) and the ranking.' },
    WRITE_MEMBERS: { description: 'Create and update members, with their attributes (upsertMembers).' },
    READ_DEMAND: { description: 'Read demand: ideas by who wants them (Community.demand, demandCsv).' },
  } satisfies Record<(typeof API_KEY_SCOPES)[number], unknown>,
});

const ApiKeyRef = builder.objectRef<ApiKey>('ApiKey').implement({
  description: "A key the brand's own servers call the API with, allowed only its scopes.",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    scopes: t.field({ type: [ApiKeyScopeEnum], resolve: (k) => k.scopes }),
    keyStart: t.exposeString('keyStart', { description: 'Its first characters, to tell keys apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.field({ type: StaffMember, nullable: true, resolve: (k) => k.createdBy ?? null }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'To the minute; null when never used.',
    }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    revokedBy: t.field({ type: StaffMember, nullable: true, resolve: (k) => k.revokedBy ?? null }),
  }),
});

const NewApiKeyRef = builder.objectRef<{ apiKey: ApiKey; key: string }>('NewApiKey').implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (n) => n.apiKey }),
    key: t.exposeString('key', {
      description: 'Shown this once. Send it as `Authorization: Bearer <key>` from a server, never from a browser.',
    }),
  }),
});

const MemberUpsertInput = builder.inputType('MemberUpsertInput', {
  fields: (t) => ({
    externalId: t.string({ description: "The brand's id for the customer: the `sub` of their SSO token." }),
    name: t.string({ required: false }),
    email: t.string({ required: false, description: 'Null clears it.' }),
    attributes: t.field({
      type: 'JSONObject',
      required: false,
      description:
        'At most 20 keys, each a string (≤ 200 characters), number or boolean. Replaces what was kept; null clears it.',
    }),
  }),
});

builder.objectFields(Community, (t) => ({
  apiKeys: t.field({
    type: [ApiKeyRef],
    description: 'Managers: the community’s API keys, newest first, revoked ones included.',
    authScopes: { manager: true },
    resolve: (_c, _a, ctx) => listApiKeys(ctx.scope()),
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: NewApiKeyRef,
    description: 'Managers: a key for the brand’s servers, allowed only its scopes; shown once. Audited.',
    authScopes: { manager: true },
    args: { name: t.arg.string(), scopes: t.arg({ type: [ApiKeyScopeEnum] }) },
    resolve: (_r, args, ctx) => createApiKey(ctx.scope(), ctx.staff(), args),
  }),
  revokeApiKey: t.field({
    type: ApiKeyRef,
    description: 'Managers: the key stops working at once, everywhere. Audited.',
    authScopes: { manager: true },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => revokeApiKey(ctx.scope(), ctx.staff(), String(args.id)),
  }),
  upsertMembers: t.field({
    type: [MemberRef],
    description: `API keys with WRITE_MEMBERS: creates or updates up to ${MAX_UPSERT} customers by the brand's id for them, all or none. Audited.`,
    authScopes: { apiKey: 'WRITE_MEMBERS' },
    args: { members: t.arg({ type: [MemberUpsertInput] }) },
    resolve: (_r, args, ctx) => {
      if (!ctx.apiKey) throw new AppError('FORBIDDEN', 'error.notPermitted');
      return upsertMembers(ctx.scope(), ctx.apiKey, args.members);
    },
  }),
}));
