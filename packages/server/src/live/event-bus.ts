import { randomUUID } from 'node:crypto';
import type { AskEvent, EventBus, MemberEvent, ThreadEvent } from '../core/events.ts';
import { EventQueue } from './event-queue.ts';
import { memoryTransport, redisTransport, type Transport } from './transport.ts';

export interface RealtimeOptions {
  /** When set, events travel through Redis pub/sub so every server process sees every event. */
  redisUrl?: string | undefined;
  /** Prefix of the Redis channels (config REDIS_PREFIX). */
  redisPrefix?: string;
}

export interface RealtimeBus extends EventBus {
  /** Whether live updates work right now (false while Redis is unreachable). */
  live(): boolean;
  close(): Promise<void>;
}

/**
 * The live-event bus: thread events as JSON over a transport (memory for one process, Redis pub/sub
 * for several); each subscription is a queue that a GraphQL subscription reads.
 */
export function createEventBus(options: RealtimeOptions = {}): RealtimeBus {
  const transport: Transport = options.redisUrl ? redisTransport(options.redisUrl) : memoryTransport();
  const prefix = options.redisPrefix ?? 'rapport';
  const threadChannel = (threadId: string) => `${prefix}:thread:${threadId}`;
  const communityChannel = (communityId: string) => `${prefix}:community:${communityId}`;
  const memberChannel = (memberId: string) => `${prefix}:member:${memberId}`;
  const everyMemberChannel = (communityId: string) => `${prefix}:members:${communityId}`;
  const askChannel = (communityId: string, askId: string) => `${prefix}:ask:${communityId}:${askId}`;

  // A message reaches every listener of its channel in one go: parse it once, and give them all the
  // same event object (read-only), so what they load for it can be shared (schema/context.ts).
  let last: { message: string; event: unknown } | undefined;
  const parse = <E>(message: string): E => {
    if (last?.message !== message) last = { message, event: JSON.parse(message) };
    return last.event as E;
  };

  // When events may have been missed, every open subscription ends: its client subscribes again
  // (refused with SERVICE_UNAVAILABLE until the transport is back) and catches up on the new start.
  const open = new Set<EventQueue<unknown>>();
  transport.onInterrupted(() => {
    for (const queue of [...open]) void queue.return();
  });

  /** Subscribes before returning, so nothing published after the start event is missed. */
  async function listen<E>(channels: string[], start: E): Promise<EventQueue<E>> {
    const unsubscribes: (() => void)[] = [];
    const queue: EventQueue<E> = new EventQueue<E>(() => {
      open.delete(queue as EventQueue<unknown>);
      for (const unsubscribe of unsubscribes) unsubscribe();
    });
    try {
      for (const channel of channels) {
        unsubscribes.push(await transport.subscribe(channel, (message) => queue.push(parse<E>(message))));
      }
    } catch (error) {
      void queue.return();
      throw error;
    }
    open.add(queue as EventQueue<unknown>);
    queue.push(start);
    return queue;
  }
  const started = <E>(event: E) => ({ ...event, at: new Date().toISOString() });

  const changes = changeFeed(transport, `${prefix}:changes`);

  return {
    ...changes,
    publish(communityId, event) {
      const message = JSON.stringify(event);
      transport.publish(threadChannel(event.threadId), message);
      transport.publish(communityChannel(communityId), message);
    },
    threadEvents: (threadId) =>
      listen<ThreadEvent>([threadChannel(threadId)], started({ type: 'SUBSCRIBED', threadId, at: '' })),
    communityEvents: (communityId) =>
      listen<ThreadEvent>([communityChannel(communityId)], started({ type: 'SUBSCRIBED', threadId: '', at: '' })),
    publishToMembers(communityId, memberIds, event) {
      const message = JSON.stringify(event);
      if (memberIds === 'all') transport.publish(everyMemberChannel(communityId), message);
      else for (const id of memberIds) transport.publish(memberChannel(id), message);
    },
    memberEvents: (communityId, memberId) =>
      listen<MemberEvent>(
        [memberChannel(memberId), everyMemberChannel(communityId)],
        started({ type: 'SUBSCRIBED', at: '' }),
      ),
    publishAsk: (communityId, event) => transport.publish(askChannel(communityId, event.askId), JSON.stringify(event)),
    askEvents: (communityId, askId) =>
      listen<AskEvent>([askChannel(communityId, askId)], started({ type: 'SUBSCRIBED', askId, at: '' })),
    live: () => transport.connected(),
    close: () => transport.close(),
  };
}

/**
 * Change announcements: one channel for every community. A process hears its own announcement at
 * once (its next read must not see the old rows) and ignores its echo from Redis.
 */
function changeFeed(
  transport: Transport,
  channel: string,
): Pick<EventBus, 'announceChange' | 'onChange' | 'hearsChanges'> {
  const origin = randomUUID();
  const listeners = new Set<(communityId: string | null) => void>();
  const tell = (communityId: string | null) => {
    for (const listener of listeners) listener(communityId);
  };
  transport.onInterrupted(() => tell(null));

  // Subscribed from the start (and again after a failed try, when next asked); until Redis has
  // acknowledged it, and whenever the link is down, other processes' announcements may be missed
  // (`hearsChanges` says so).
  let state: 'none' | 'pending' | 'done' = 'none';
  const subscribe = () => {
    if (state !== 'none') return;
    state = 'pending';
    transport
      .subscribe(channel, (message) => {
        let news: { from?: unknown; communityId?: unknown };
        try {
          news = JSON.parse(message) ?? {};
        } catch {
          news = {};
        }
        if (news.from === origin) return;
        // Anything but a well-formed announcement may be about any community.
        tell(typeof news.communityId === 'string' ? news.communityId : null);
      })
      .then(
        () => {
          state = 'done';
        },
        () => {
          state = 'none';
        },
      );
  };
  subscribe();

  return {
    announceChange(communityId) {
      tell(communityId);
      transport.publish(channel, JSON.stringify({ from: origin, communityId }));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hearsChanges() {
      subscribe();
      return state === 'done' && transport.connected();
    },
  };
}
