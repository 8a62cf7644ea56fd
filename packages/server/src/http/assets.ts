import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

interface Loaded {
  body: Buffer;
  etag: string;
  mtimeMs: number;
}

/**
 * A built file served from memory with a strong ETag. The file is re-read when it changes on disk,
 * so a rebuild shows up without a restart; a missing build is a 503 that says what to run.
 */
export function fileAsset(path: string, buildHint: string) {
  let loaded: Loaded | undefined;

  async function load(): Promise<Loaded | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    if (!loaded || loaded.mtimeMs !== info.mtimeMs) {
      const body = await readFile(path);
      loaded = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        mtimeMs: info.mtimeMs,
      };
    }
    return loaded;
  }

  return async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const asset = await load();
    if (!asset) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      res.end(`Not built yet: run ${buildHint}\n`);
      return;
    }
    const common = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      etag: asset.etag,
      // Always revalidate (cheap with the ETag): a new release reaches every embedding page at once.
      'cache-control': 'public, max-age=0, must-revalidate',
      'x-content-type-options': 'nosniff',
      ...headers,
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    res.writeHead(200, { ...common, 'content-length': String(asset.body.length) });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };
}

/**
 * The files of a built folder whose names match `pattern` (the widget's chunks, named by their
 * content's hash): each served like `fileAsset`; any other name, or one that is not there, is 404.
 */
export function folderAssets(dir: string, pattern: RegExp, buildHint: string) {
  const files = new Map<string, ReturnType<typeof fileAsset>>();
  return async function serve(
    name: string,
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string> = {},
  ): Promise<boolean> {
    if (!pattern.test(name)) return false;
    const path = join(dir, name);
    if (!(await stat(path).catch(() => undefined))) return false;
    let asset = files.get(name);
    if (!asset) {
      asset = fileAsset(path, buildHint);
      files.set(name, asset);
    }
    await asset(req, res, headers);
    return true;
  };
}
