/**
 * Webhooks, for managers: endpoints that hear of the community's events (Community.webhooks,
 * createWebhook with the signing secret shown once, updateWebhook, deleteWebhook), each with its
 * delivery log (Webhook.deliveries, redeliverWebhook). A webhook formatted for Slack, Discord or
 * Teams is an alert channel for the team.
 */
import {
  Community,
  DEFAULT_VOTE_THRESHOLD,
  WEBHOOK_EVENTS,
  type Webhook,
  type WebhookDelivery,
  type WebhookFormat,
} from '../entities/index.ts';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  updateWebhook,
} from '../services/webhooks/manage.ts';
import { builder } from './builder.ts';
import { connectionComplexity, forwardArgs, toConnection } from './connection.ts';

const WebhookEventEnum = builder.enumType('WebhookEvent', {
  values: Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e.replace('.', '_').toUpperCase(), { value: e }])),
});
const WebhookFormatEnum = builder.enumType('WebhookFormat', {
  values: {
    JSON: { description: 'Rapport’s event as JSON, signed (X-Rapport-Signature).' },
    SLACK: { description: 'An alert for a Slack incoming webhook (blocks).' },
    DISCORD: { description: 'An alert for a Discord webhook (an embed; nobody is mentioned).' },
    TEAMS: { description: 'An alert for a Microsoft Teams Workflows webhook (an adaptive card).' },
  } satisfies Record<WebhookFormat, unknown>,
});
const DeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  values: ['PENDING', 'DELIVERED', 'FAILED'] as const,
});

const DeliveryRef = builder.objectRef<WebhookDelivery>('WebhookDelivery').implement({
  description: 'One event sent (or to be sent) to a webhook: the delivery log.',
  fields: (t) => ({
    id: t.exposeID('id'),
    event: t.field({ type: WebhookEventEnum, resolve: (d) => d.event }),
    status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts'),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
    body: t.exposeString('body', { description: 'The JSON sent.' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (d) => (d.status === 'PENDING' ? d.dueAt : null),
    }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
const DeliveryConnectionRef = builder.connectionObject({ type: DeliveryRef, name: 'WebhookDeliveryConnection' });

const WebhookRef = builder.objectRef<Webhook>('Webhook').implement({
  description: 'An endpoint of the brand that hears of events, signed with its secret.',
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    events: t.field({ type: [WebhookEventEnum], resolve: (w) => w.events }),
    active: t.exposeBoolean('active'),
    format: t.field({ type: WebhookFormatEnum, resolve: (w) => w.format }),
    voteThreshold: t.int({
      description: 'IDEA_VOTES_PASSED: told when a vote takes an idea to this many.',
      resolve: (w) => w.voteThreshold ?? DEFAULT_VOTE_THRESHOLD,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveries: t.connection(
      {
        type: DeliveryRef,
        complexity: connectionComplexity,
        resolve: async (w, args, ctx) => toConnection(await listDeliveries(ctx.scope(), w.id, forwardArgs(args))),
      },
      DeliveryConnectionRef,
    ),
  }),
});

const NewWebhookRef = builder.objectRef<{ webhook: Webhook; secret: string }>('NewWebhook').implement({
  fields: (t) => ({
    webhook: t.field({ type: WebhookRef, resolve: (n) => n.webhook }),
    secret: t.exposeString('secret', {
      description:
        'Shown this once. Check X-Rapport-Signature: sha256=HMAC-SHA256(secret, "<X-Rapport-Timestamp>.<body>").',
    }),
  }),
});

builder.objectFields(Community, (t) => ({
  webhooks: t.field({
    type: [WebhookRef],
    description: 'Managers: the endpoints that hear of this community’s events.',
    authScopes: { manager: true },
    resolve: (_c, _a, ctx) => listWebhooks(ctx.scope()),
  }),
}));

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: NewWebhookRef,
    description: 'Managers: a new endpoint for some events; its signing secret is shown once. Audited.',
    authScopes: { manager: true },
    args: {
      url: t.arg.string(),
      events: t.arg({ type: [WebhookEventEnum] }),
      format: t.arg({ type: WebhookFormatEnum, required: false, description: 'JSON unless given.' }),
      voteThreshold: t.arg.int({
        required: false,
        description: `1–1,000,000 (${DEFAULT_VOTE_THRESHOLD} unless given).`,
      }),
    },
    resolve: (_r, args, ctx) => createWebhook(ctx.scope(), ctx.staff(), args, ctx.outbound),
  }),
  updateWebhook: t.field({
    type: WebhookRef,
    description: 'Managers: change the URL or events, or turn it off and on. Audited.',
    authScopes: { manager: true },
    args: {
      id: t.arg.id(),
      url: t.arg.string({ required: false }),
      events: t.arg({ type: [WebhookEventEnum], required: false }),
      active: t.arg.boolean({ required: false }),
      format: t.arg({ type: WebhookFormatEnum, required: false }),
      voteThreshold: t.arg.int({ required: false }),
    },
    resolve: (_r, args, ctx) => updateWebhook(ctx.scope(), ctx.staff(), String(args.id), args, ctx.outbound),
  }),
  deleteWebhook: t.boolean({
    description: 'Managers: removes the webhook and its delivery log. Audited.',
    authScopes: { manager: true },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => deleteWebhook(ctx.scope(), ctx.staff(), String(args.id)),
  }),
  redeliverWebhook: t.field({
    type: DeliveryRef,
    description: 'Managers: send a delivery again, now.',
    authScopes: { manager: true },
    args: { deliveryId: t.arg.id() },
    resolve: (_r, args, ctx) => redeliver(ctx.scope(), String(args.deliveryId)),
  }),
}));
