import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpReceiver {
  /** http://127.0.0.1:<port> */
  url: string;
  received: ReceivedRequest[];
  /** Waits until `count` requests have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback standing for a brand's webhook endpoint. `answer` decides each
 * response (status and headers), after `delayMs`; `tarpit` accepts connections and never answers.
 */
export async function startHttpReceiver(
  options: {
    answer?: (request: ReceivedRequest, res: ServerResponse) => void;
    /** How long to wait before answering: a number, or one per request (the nth, from 0). */
    delayMs?: number | ((nth: number) => number);
    tarpit?: boolean;
  } = {},
): Promise<HttpReceiver> {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (options.tarpit) return;
      const request = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const nth = received.push(request) - 1;
      const delay = typeof options.delayMs === 'function' ? options.delayMs(nth) : (options.delayMs ?? 0);
      setTimeout(() => {
        if (options.answer) options.answer(request, res);
        else res.writeHead(200).end();
      }, delay);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    async waitFor(count, ms = 10_000) {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`${url} received ${received.length} of ${count} requests`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
