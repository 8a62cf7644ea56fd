import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Community } from '../entities/index.ts';
import { ALL_COMMUNITIES, createTestCommunity, guestToken } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
// The bundles are built by their packages (and served for real in the end-to-end tests); stand-in
// files are enough to test how they are served.
const assets = mkdtempSync(join(tmpdir(), 'rapport-assets-'));

beforeAll(async () => {
  writeFileSync(join(assets, 'widget.js'), 'export {};\n');
  writeFileSync(join(assets, 'widget-account-panel-ABC123.js'), 'export const panel = 1;\n');
  writeFileSync(join(assets, 'secret.js'), 'export const not = "served";\n');
  writeFileSync(join(assets, 'index.html'), '<!doctype html><title>Admin</title>\n');
  server = await startTestServer({ assets: { widgetJs: join(assets, 'widget.js'), adminDir: assets } });
});
afterAll(async () => {
  await server?.close();
  rmSync(assets, { recursive: true, force: true });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', live: 'ok' });
  });
});

describe('static routes', () => {
  it('serves widget.js as a cacheable, revalidated ES module any page may load (public code, no credentials)', async () => {
    await createTestCommunity(server.em());
    const response = await fetch(`${server.url}/widget.js`, { headers: { origin: 'http://brand.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${server.url}/widget.js`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('sends the scripts compressed (brotli, else gzip) to browsers that take it, plain to others', async () => {
    const body = `export const long = "${'a widget of some size '.repeat(200)}";\n`;
    writeFileSync(join(assets, 'widget-big-XYZ789.js'), body);
    const get = (encoding?: string) =>
      new Promise<{ headers: IncomingHttpHeaders; raw: Buffer }>((resolve, reject) => {
        httpGet(
          `${server.url}/widget-big-XYZ789.js`,
          { headers: encoding ? { 'accept-encoding': encoding } : {} },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, raw: Buffer.concat(chunks) }));
          },
        ).on('error', reject);
      });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.raw).toString()).toBe(body);
    expect(br.raw.length).toBeLessThan(body.length / 5);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.raw).toString()).toBe(body);
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.toString()).toBe(body);
  });

  it("serves the widget's chunks beside it, with the same CORS, and nothing else from that folder", async () => {
    await createTestCommunity(server.em());
    const chunk = await fetch(`${server.url}/widget-account-panel-ABC123.js`, {
      headers: { origin: 'http://brand.example' },
    });
    expect(chunk.status).toBe(200);
    expect(await chunk.text()).toContain('panel');
    expect(chunk.headers.get('content-type')).toContain('text/javascript');
    expect(chunk.headers.get('access-control-allow-origin')).toBe('*');
    for (const path of ['/widget-missing.js', '/secret.js', '/widget-..%2Fsecret.js', '/widget-x/../secret.js']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });

  it('serves the admin console at /admin and its client-side routes', async () => {
    for (const path of ['/admin', '/admin/inbox/123']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
  });

  it('serves a demo page embedding the widget with the two-line snippet', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('<script type="module" src="/widget.js"></script>');
    expect(html).toMatch(
      /<rapport-community community="demo" endpoint="http:\/\/127\.0\.0\.1:\d+\/graphql"><\/rapport-community>/,
    );
  });

  it('sends a strict CSP and other security headers with the pages it renders', async () => {
    for (const path of ['/', '/admin']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    // The demo page keeps its styles in a stylesheet: its CSP allows no inline style.
    expect(await (await fetch(`${server.url}/`)).text()).not.toContain('<style');
    expect((await fetch(`${server.url}/demo.css`)).headers.get('content-type')).toContain('text/css');
  });

  it('says what to build when a bundle is missing', async () => {
    const response = await fetch(`${server.url}/admin/admin.js`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm --filter @rapport/admin build');
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});

describe('CORS', () => {
  const preflight = (origin: string, community?: string) =>
    fetch(`${server.url}/graphql${community ? `?community=${community}` : ''}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
  const post = (origin: string, community: string, query: string, token?: string) =>
    fetch(`${server.url}/graphql?community=${community}`, {
      method: 'POST',
      headers: {
        origin,
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });

  it("allows a community's listed origins for that community alone, without credentials", async () => {
    const a = await createTestCommunity(server.em());
    const b = await createTestCommunity(server.em());
    await server
      .em()
      .nativeUpdate(Community, { id: b.community.id }, { allowedOrigins: ['https://b-shop.example'] }, ALL_COMMUNITIES);
    const allowed = await preflight('http://brand.example', a.slug);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://brand.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight('https://evil.example', a.slug)).headers.get('access-control-allow-origin')).toBeNull();
    // B's origin is granted on B's requests, and not on A's.
    const own = await post('https://b-shop.example', b.slug, `{ community(slug: "${b.slug}") { name } }`);
    expect(own.headers.get('access-control-allow-origin')).toBe('https://b-shop.example');
    const crossed = await post('https://b-shop.example', a.slug, `{ community(slug: "${a.slug}") { name } }`);
    expect(crossed.headers.get('access-control-allow-origin')).toBeNull();
    // A request naming no community gets no grant at all.
    expect((await preflight('http://brand.example')).headers.get('access-control-allow-origin')).toBeNull();
    // And one that named its community reads no other, even where CORS was granted.
    const other = await post('http://brand.example', a.slug, `{ community(slug: "${b.slug}") { name } }`);
    expect(other.headers.get('access-control-allow-origin')).toBe('http://brand.example');
    expect((await other.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    const token = await guestToken(server.client(), b.slug, 'Bea');
    const signedIn = await post('http://brand.example', a.slug, '{ viewer { kind } }', token);
    expect((await signedIn.json()).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('grants every request for a community that does not exist, so the page is told the name is wrong', async () => {
    const granted = async (slug: string) =>
      (await preflight('http://brand.example', slug)).headers.get('access-control-allow-origin') !== null;
    const slug = `no-such-${randomUUID().slice(0, 8)}`;
    // A slug not seen is read at most once a second: the first grant may take that long.
    for (let tries = 0; !(await granted(slug)); tries++) {
      expect(tries, 'a grant for a made-up slug').toBeLessThan(30);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Another made-up slug in the same second waits for the next read (made-up slugs cannot make
    // every request read the table).
    expect(await granted(`${slug}-too`)).toBe(false);
    // The widget's second request, sent at once: granted too, and answered (there is no such community).
    const answer = await post('http://brand.example', slug, `{ community(slug: "${slug}") { name } }`);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://brand.example');
    expect(await answer.json()).toEqual({ data: { community: null } });
    expect(await granted(slug)).toBe(true);
  });
});
