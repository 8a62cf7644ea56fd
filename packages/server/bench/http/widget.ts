/**
 * What a brand's visitors pay for the widget: the bytes of every script of it the page loads
 * before the first thread is on screen (widget.js and its chunks, as built, gzip and brotli) and
 * the time from opening the demo page in Chromium until then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export interface WidgetCost {
  /** The widget's files the page loaded at start (widget.js first). */
  files: string[];
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Median of several loads, each in a fresh browser context (nothing cached). */
  firstRenderMs: number;
}

const DIST = new URL('../../../widget/dist/', import.meta.url);
const SCRIPT = new URL('widget.js', DIST);

export async function widgetCost(serverUrl: string, firstThread: string, loads = 7): Promise<WidgetCost> {
  if (!existsSync(SCRIPT)) throw new Error('Build the widget first (pnpm build): packages/widget/dist/widget.js');
  const loaded = new Set<string>();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on('request', (request) => {
        const file = /\/(widget[\w.-]*\.js)(\?|$)/.exec(request.url())?.[1];
        if (file) scripts.add(file);
      });
      await page.goto(serverUrl, { waitUntil: 'commit' });
      await page.getByRole('button', { name: firstThread, exact: true }).waitFor();
      if (i === 0) for (const file of scripts) loaded.add(file);
      // From the navigation's start, in the page's own clock.
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  const files = [...loaded].sort((a, b) => (a === 'widget.js' ? -1 : b === 'widget.js' ? 1 : a.localeCompare(b)));
  const bytes = files.map((file) => readFileSync(new URL(file, DIST)));
  const sum = (size: (b: Buffer) => number) => bytes.reduce((total, b) => total + size(b), 0);
  return {
    files,
    minBytes: sum((b) => b.length),
    gzipBytes: sum((b) => gzipSync(b, { level: 9 }).length),
    brotliBytes: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
    firstRenderMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
  };
}
