/**
 * Live fan-out: many widgets subscribed to one thread over Server-Sent Events (as the widget
 * subscribes), a reply posted, and the time until every subscriber has it.
 */
import { readFileSync } from 'node:fs';
import { print } from 'graphql';
import { THREAD_EVENTS } from '../../../widget/src/graphql/thread.ts';
import { percentile } from '../report.ts';

export interface FanoutResult {
  subscribers: number;
  rounds: number;
  p50Ms: number;
  p99Ms: number;
  /** Deliveries that never came (within the wait). */
  missed: number;
  /** The first server's CPU time (user and system) over the rounds, per reply: posting it and telling everyone. */
  cpuMsPerReply: number | null;
}

/** A process's CPU time so far in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Subscriber {
  seen(marker: string): number | undefined;
  close(): void;
}

/** One SSE subscription; remembers when each reply body first arrived. */
async function subscribe(url: string, community: string, threadId: string, token?: string): Promise<Subscriber> {
  const abort = new AbortController();
  const arrivals = new Map<string, number>();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(THREAD_EVENTS), variables: { community, id: threadId } }),
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`subscription refused: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const now = performance.now();
        for (const marker of value.match(/fanout-\d+-\d+/g) ?? []) if (!arrivals.has(marker)) arrivals.set(marker, now);
      }
    } catch {
      // closed
    }
  })();
  return { seen: (marker) => arrivals.get(marker), close: () => abort.abort() };
}

/**
 * `subscribers` SSE subscriptions spread over `urls` (one per server process, in turn), then
 * `rounds` replies posted through `post` (the first URL), each awaited by everyone. With `tokens`,
 * each subscriber is signed in with one of them (in turn); with `pid`, the first server's CPU time
 * over the rounds is measured.
 */
export async function fanout(options: {
  urls: string[];
  community: string;
  threadId: string;
  subscribers: number;
  rounds: number;
  post: (body: string) => Promise<void>;
  tokens?: string[];
  pid?: number;
}): Promise<FanoutResult> {
  const subs: Subscriber[] = [];
  for (let i = 0; i < options.subscribers; i += 50) {
    const batch = Array.from({ length: Math.min(50, options.subscribers - i) }, (_, j) =>
      subscribe(
        options.urls[(i + j) % options.urls.length] as string,
        options.community,
        options.threadId,
        options.tokens?.[(i + j) % options.tokens.length],
      ),
    );
    subs.push(...(await Promise.all(batch)));
  }
  // Let every subscription reach its server's event bus before the first reply.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const latencies: number[] = [];
  let missed = 0;
  const cpuBefore = options.pid ? cpuMs(options.pid) : 0;
  let cpuAfter = cpuBefore;
  try {
    for (let round = 0; round < options.rounds; round++) {
      const marker = `fanout-${Date.now()}-${round}`;
      const started = performance.now();
      await options.post(`A reply for everyone watching (${marker}).`);
      const deadline = started + 10_000;
      while (performance.now() < deadline && subs.some((s) => s.seen(marker) === undefined)) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      for (const s of subs) {
        const at = s.seen(marker);
        if (at === undefined) missed++;
        else latencies.push(at - started);
      }
    }
    if (options.pid) cpuAfter = cpuMs(options.pid);
  } finally {
    for (const s of subs) s.close();
  }
  latencies.sort((a, b) => a - b);
  return {
    subscribers: options.subscribers,
    rounds: options.rounds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    missed,
    cpuMsPerReply: options.pid ? (cpuAfter - cpuBefore) / options.rounds : null,
  };
}
