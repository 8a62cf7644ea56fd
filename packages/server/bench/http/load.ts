/**
 * Load over real HTTP with autocannon: requests per second and latency percentiles of one GraphQL
 * request (or a request made fresh each time) at a number of concurrent connections.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses that were not 2xx, or carried GraphQL errors, and connection errors. */
  errors: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /**
   * The GraphQL body; or a function making each request afresh (posting replies): its body, and
   * headers to add (whose token it is); or requests every connection sends in turn (many
   * customers reading), built once as a single body is. Made afresh, a request cost autocannon,
   * on the server's two cores, 107–153 µs of CPU against 78–91 built once (BENCHMARKS.md).
   */
  body: unknown | (() => FreshRequest) | FreshRequest[];
}

export interface FreshRequest {
  body: unknown;
  headers?: Record<string, string>;
}

const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
};

export async function load(options: LoadOptions): Promise<LoadResult> {
  let graphqlErrors = 0;
  const make = typeof options.body === 'function' ? (options.body as () => FreshRequest) : undefined;
  const inTurn = Array.isArray(options.body) ? (options.body as FreshRequest[]) : undefined;
  // Built once: autocannon builds a request with no setupRequest only once.
  const built = inTurn?.map((request) => ({
    method: 'POST' as const,
    body: JSON.stringify(request.body),
    headers: { ...JSON_HEADERS, ...options.headers, ...request.headers },
  }));
  let started = 0;
  const result = await autocannon({
    url: `${options.url}/graphql`,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { ...JSON_HEADERS, ...options.headers },
    body: make || built ? undefined : JSON.stringify(options.body),
    requests:
      built ??
      (make
        ? [
            {
              setupRequest: (request) => {
                const fresh = make();
                return {
                  ...request,
                  body: JSON.stringify(fresh.body),
                  headers: { ...request.headers, ...fresh.headers },
                };
              },
            },
          ]
        : undefined),
    // Read every answer: an error in the body is not a success.
    setupClient: (client) => {
      // Each connection starts at a request of its own, so they do not all ask for one member at once.
      if (built) {
        const first = started++ % built.length;
        client.setRequests([...built.slice(first), ...built.slice(0, first)]);
      }
      client.on('body', (buffer: Buffer) => {
        if (buffer.includes('"errors"')) graphqlErrors++;
      });
    },
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}

/** The resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  return residentMb(pid).rss;
}

/**
 * The resident memory of a process in MB (Linux), and its two parts: anonymous (the heaps: V8's,
 * malloc's, SQLite's caches) and file-backed (the executable, and a memory-mapped SQLite file,
 * whose pages the kernel can drop when it needs them).
 */
export function residentMb(pid: number): { rss: number; anonymous: number; file: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  return { rss: mb('VmRSS'), anonymous: mb('RssAnon'), file: mb('RssFile') };
}
