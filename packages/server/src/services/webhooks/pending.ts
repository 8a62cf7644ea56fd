import type { Webhook, WebhookEvent } from '../../entities/index.ts';

type Data = Record<string, unknown>;

/** An event about to be told to a community's webhooks: its name and its data. */
export interface PendingEvent {
  communityId: string;
  event: WebhookEvent;
  at: Date;
  /** Read only when some webhook listens to the event. */
  data: () => Promise<Data>;
  /** Whether a webhook listening to the event is told of this one (an idea reaching its threshold). */
  appliesTo?: (hook: Webhook, data: Data) => boolean;
  /** Told once per webhook: a delivery with this key already written means it is not told again. */
  dedupeKey?: (data: Data) => string;
}
