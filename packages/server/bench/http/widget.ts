/**
 * What a brand's visitors pay for the widget: its script's bytes (as built, gzip and brotli) and
 * the time from opening the demo page in Chromium until the first thread is on screen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export interface WidgetCost {
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Median of several loads, each in a fresh browser context (nothing cached). */
  firstRenderMs: number;
}

const SCRIPT = new URL('../../../widget/dist/widget.js', import.meta.url);

export async function widgetCost(serverUrl: string, firstThread: string, loads = 7): Promise<WidgetCost> {
  if (!existsSync(SCRIPT)) throw new Error('Build the widget first (pnpm build): packages/widget/dist/widget.js');
  const script = readFileSync(SCRIPT);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(serverUrl, { waitUntil: 'commit' });
      await page.getByRole('button', { name: firstThread, exact: true }).waitFor();
      // From the navigation's start, in the page's own clock.
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return {
    minBytes: script.length,
    gzipBytes: gzipSync(script, { level: 9 }).length,
    brotliBytes: brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    firstRenderMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
  };
}
