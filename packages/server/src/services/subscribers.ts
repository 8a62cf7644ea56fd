import type { EventSubscriber } from '@mikro-orm/core';
import { NotificationSubscriber } from './notifications/on-activity.ts';
import { RankingSubscriber } from './ranking/subscriber.ts';
import { WebhookSubscriber } from './webhooks/events.ts';

/**
 * What the domain does in the transaction of every write: keep the ranking, tell members, and write
 * webhook deliveries. `onTold`: after a commit that notified members, with them.
 */
export function domainSubscribers(onTold?: (communityId: string, memberIds: string[]) => void): EventSubscriber[] {
  return [new RankingSubscriber(), new NotificationSubscriber(onTold), new WebhookSubscriber()];
}
