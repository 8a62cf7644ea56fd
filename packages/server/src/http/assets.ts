import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

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
  /** The same bytes compressed once, when the file is read (text types only). */
  br: Buffer | undefined;
  gzip: Buffer | undefined;
  etag: string;
  mtimeMs: number;
}

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map']);

/** The encoding to answer with: brotli, then gzip, when the client takes it and there is one. */
function encodingFor(req: IncomingMessage, asset: Loaded): 'br' | 'gzip' | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (asset.br && /\bbr\b/.test(accepted)) return 'br';
  if (asset.gzip && /\bgzip\b/.test(accepted)) return 'gzip';
  return undefined;
}

/**
 * A built file served from memory with a strong ETag, brotli- or gzip-compressed when the browser
 * takes it (compressed once per version of the file, not per request). The file is re-read when it
 * changes on disk, so a rebuild shows up without a restart; a missing build is a 503 that says what
 * to run.
 */
export function fileAsset(path: string, buildHint: string) {
  let loaded: Loaded | undefined;

  async function load(): Promise<Loaded | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    if (!loaded || loaded.mtimeMs !== info.mtimeMs) {
      const body = await readFile(path);
      const compress = COMPRESSIBLE.has(extname(path));
      loaded = {
        body,
        br: compress ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : undefined,
        gzip: compress ? await gz(body, { level: 9 }) : undefined,
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
      // Caches keep the compressed and plain answers apart (beside whatever else varies, e.g. Origin).
      vary: [headers.vary, 'Accept-Encoding'].filter(Boolean).join(', '),
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    const encoding = encodingFor(req, asset);
    const body = (encoding && asset[encoding]) || asset.body;
    res.writeHead(200, {
      ...common,
      ...(encoding ? { 'content-encoding': encoding } : {}),
      'content-length': String(body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
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
