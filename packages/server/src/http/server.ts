import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { repoRoot } from '../config.ts';
import type { Orm } from '../db/em.ts';
import { fileAsset, folderAssets } from './assets.ts';
import { DEMO_CSS, demoPage } from './demo-page.ts';
import type { GraphQLHandler } from './graphql.ts';
import { PAGE_SECURITY_HEADERS } from './security-headers.ts';
import { turnTaking } from './turn-taking.ts';
import { unsubscribe } from './unsubscribe.ts';

/** The probes' paths: answered by route(), and let past the queue of requests taking turns. */
const HEALTH_PATH = '/healthz';
const READY_PATH = '/readyz';

/** Where the built front-ends are (tests point these at stand-ins). */
export interface AssetPaths {
  widgetJs: string;
  adminDir: string;
}

export const defaultAssets: AssetPaths = {
  widgetJs: join(repoRoot, 'packages/widget/dist/widget.js'),
  adminDir: join(repoRoot, 'packages/admin/dist'),
};

export interface HttpOptions {
  orm: Orm;
  graphql: GraphQLHandler;
  assets?: AssetPaths;
  /** The community the demo page at `/` embeds. */
  demoCommunity: string;
  /** The server's public address (PUBLIC_URL): the demo page loads the widget from it, not from the Host header. */
  publicUrl: () => string;
  /** How long /readyz waits for the database before answering 503. */
  readyTimeoutMs?: number;
  /** Whether live updates work; /readyz reports it, but a process without them still serves. */
  live?: () => boolean;
  /** `POST /inbound/email/<community>`: replies by email from a mail provider (inbound-email.ts). */
  inboundEmail?: (req: IncomingMessage, res: ServerResponse, community: string) => Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Answers within `ms` whether the database runs a trivial query. */
async function databaseAnswers(orm: Orm, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const ping = orm.em
    .fork()
    .getConnection()
    .execute('select 1')
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HttpServer {
  server: Server;
  /** From now on every response closes its connection, so clients stop reusing them (shutdown). */
  drain(): void;
  /**
   * Resolves once no connection has come for `quietMs`, every connection has sent its first
   * request and every request has started (or at `deadline`): closing the listener resets
   * connections still queued in the kernel, Node's server.close() closes those accepted whose
   * request is still unread, and a live stream starting after the others were ended would stay open.
   */
  settled(quietMs: number, deadline: number): Promise<void>;
}

/** The HTTP server: GraphQL, the widget bundle, the admin console, the demo page and health. */
export function createHttpServer({
  orm,
  graphql,
  demoCommunity,
  publicUrl,
  assets = defaultAssets,
  readyTimeoutMs = 2000,
  live = () => true,
  inboundEmail,
}: HttpOptions): HttpServer {
  let draining = false;
  const widgetJs = fileAsset(assets.widgetJs, 'pnpm --filter @rapport/widget build');
  const widgetChunk = folderAssets(
    dirname(assets.widgetJs),
    /^widget-[\w-]+\.js$/,
    'pnpm --filter @rapport/widget build',
  );
  const adminIndex = fileAsset(join(assets.adminDir, 'index.html'), 'pnpm --filter @rapport/admin build');
  const adminJs = fileAsset(join(assets.adminDir, 'admin.js'), 'pnpm --filter @rapport/admin build');
  // The console's chunks: each language's messages, fetched when a staff member picks it.
  const adminChunk = folderAssets(assets.adminDir, /^admin-[\w-]+\.js$/, 'pnpm --filter @rapport/admin build');

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/graphql') return graphql(req, res);
    if (path === '/unsubscribe' && (read || req.method === 'POST')) return unsubscribe(orm, req, res);
    if (path === HEALTH_PATH && read) return json(res, 200, { status: 'ok' });
    const inbound = /^\/inbound\/email\/([a-z0-9-]{1,64})$/.exec(path);
    if (inbound?.[1] && inboundEmail) return inboundEmail(req, res, inbound[1]);
    if (path === READY_PATH && read) {
      // Stopping: not ready from the first moment, so load balancers send new work elsewhere
      // while what was accepted is finished.
      if (draining) return json(res, 503, { status: 'stopping', live: live() ? 'ok' : 'unavailable' });
      // Without the database nothing works: not ready. Without Redis, posting and reading still
      // work and live updates come back by themselves: ready, and said so.
      const ok = await databaseAnswers(orm, readyTimeoutMs);
      return json(res, ok ? 200 : 503, {
        status: ok ? 'ready' : 'database unavailable',
        live: live() ? 'ok' : 'unavailable',
      });
    }
    if (path.startsWith('/widget') && path.endsWith('.js') && read) {
      // A module script from another origin needs CORS. The widget is public code, the same for
      // everyone and fetched without credentials: any page may load it (the API is what CORS guards).
      const headers: Record<string, string> = {
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
      };
      if (path === '/widget.js') return widgetJs(req, res, headers);
      // Its chunks, loaded by widget.js (the shared code) or when first needed (the account panel).
      if (await widgetChunk(path.slice(1), req, res, headers)) return;
    }
    if (path === '/admin/admin.js' && read) return adminJs(req, res);
    if (path.startsWith('/admin/admin-') && read && (await adminChunk(path.slice('/admin/'.length), req, res))) return;
    if ((path === '/admin' || path.startsWith('/admin/')) && read) return adminIndex(req, res, PAGE_SECURITY_HEADERS);
    if (path === '/favicon.ico' && read) {
      // Browsers ask for it on every page; there is none, and a 404 would be noise in their console.
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
      res.end();
      return;
    }
    if (path === '/demo.css' && read) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(DEMO_CSS);
      return;
    }
    if (path === '/' && read) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        ...PAGE_SECURITY_HEADERS,
      });
      res.end(demoPage(publicUrl(), demoCommunity));
      return;
    }
    json(res, 404, { error: 'Not found' });
  }

  /** Connections accepted whose first request is not read yet, and when the last one came. */
  const unread = new Set<Socket>();
  let lastConnection = 0;
  const turns = turnTaking();
  const server = createServer((req, res) => {
    unread.delete(req.socket);
    if (draining) res.setHeader('connection', 'close');
    // Probes skip the queue: they ask about the process, and a busy one is still alive and ready.
    const probe = req.url === HEALTH_PATH || req.url === READY_PATH;
    (probe ? route(req, res) : turns.take().then(() => route(req, res))).catch((error: unknown) => {
      console.error('request failed', error);
      if (!res.headersSent) json(res, 500, { error: 'Internal server error' });
      else res.end();
    });
  });
  // Node's HTTP parser refuses what it cannot read before any handler runs, with an empty body: a
  // header section too large (431) gets the GraphQL error shape, the rest a plain 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      errors: [
        tooLarge
          ? {
              message: 'The request headers are too large (at most 16 KB): send a shorter token.',
              extensions: { code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' },
            }
          : { message: 'The request could not be read as HTTP.', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.on('connection', (socket: Socket) => {
    lastConnection = Date.now();
    unread.add(socket);
    socket.once('close', () => unread.delete(socket));
  });
  return {
    server,
    async settled(quietMs, deadline) {
      while (
        (Date.now() - lastConnection < quietMs || unread.size > 0 || turns.waiting() > 0) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    drain() {
      draining = true;
    },
  };
}
