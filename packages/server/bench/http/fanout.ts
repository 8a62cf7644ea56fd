/**
 * Live fan-out: many widgets subscribed to one thread over Server-Sent Events (as the widget
 * subscribes), a reply posted, and the time until every subscriber has it.
 */
import http from 'node:http';
import { THREAD_EVENTS } from '../../../widget/src/graphql/thread.ts';
import { percentile } from '../report.ts';
import { cpuMs } from './cpu.ts';

export interface FanoutResult {
  subscribers: number;
  rounds: number;
  p50Ms: number;
  p99Ms: number;
  /** Deliveries that never came (within the wait). */
  missed: number;
  /** The first server's CPU time (user and system) over the rounds, per reply: posting it and telling everyone. */
  cpuMsPerReply: number | null;
  /** The bench's own CPU time per reply while it waits for everyone: whether it, not the server, set the pace. */
  benchCpuMsPerReply: number;
}

/** A reply's marker in the events, and the longest one can be (a timestamp and a round). */
const MARKER = /fanout-\d+-\d+/g;
const MARKER_MAX_LENGTH = 40;

interface Subscriber {
  seen(marker: string): number | undefined;
  close(): void;
}

/**
 * One SSE subscription; remembers when each reply body first arrived. It is read with node:http
 * and a byte search, not fetch and web streams: at 10,000 subscribers those cost the bench more CPU
 * than the server spends sending (400 against 256 ms a reply, measured), and the bench, on the same
 * two cores, then measured itself.
 */
function subscribe(url: string, community: string, threadId: string, token?: string): Promise<Subscriber> {
  const arrivals = new Map<string, number>();
  const body = JSON.stringify({ query: String(THREAD_EVENTS), variables: { community, id: threadId } });
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        accept: 'text/event-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
    request.once('error', reject);
    request.once('response', (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`subscription refused: ${response.statusCode}`));
        return;
      }
      // A marker may be split between two chunks: keep the tail of the last one.
      let tail = '';
      response.setEncoding('latin1');
      response.on('data', (chunk: string) => {
        const now = performance.now();
        const text = tail + chunk;
        for (const marker of text.match(MARKER) ?? []) if (!arrivals.has(marker)) arrivals.set(marker, now);
        tail = text.slice(-MARKER_MAX_LENGTH);
      });
      response.on('error', () => {});
      resolve({ seen: (marker) => arrivals.get(marker), close: () => request.destroy() });
    });
    request.end(body);
  });
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
  const benchBefore = process.cpuUsage();
  let benchCpu = { user: 0, system: 0 };
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
    benchCpu = process.cpuUsage(benchBefore);
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
    benchCpuMsPerReply: (benchCpu.user + benchCpu.system) / 1000 / options.rounds,
  };
}
