/**
 * What a brand's visitors pay for the widget: the bytes of every script of it the page loads
 * before the first thread is on screen (widget.js and its chunks, as built, gzip and brotli) and
 * the time from opening the demo page in Chromium until then.
 *
 * That time is read in the page: once the first frame in which the thread's title is shown has
 * been drawn. Playwright's own way of waiting for it evaluates its selector
 * engine and polls on the page's one main thread, during the load it measures: 100 ms and more on
 * this VM (BENCHMARKS.md). It is still asked afterwards, as a check that the thread is the button
 * a person would find, and its reading reported beside.
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
  /** Median of several loads, each in a fresh browser context (nothing cached): the frame it is drawn in. */
  firstRenderMs: number;
  /** The same loads, as Playwright sees the button once its locator finds it. */
  firstRenderHarnessMs: number;
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
  const harnessTimes: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on('request', (request) => {
        const file = /\/(widget[\w.-]*\.js)(\?|$)/.exec(request.url())?.[1];
        if (file) scripts.add(file);
      });
      await page.addInitScript(drawnAt, firstThread);
      await page.goto(serverUrl, { waitUntil: 'commit' });
      // Both from the navigation's start, in the page's own clock.
      times.push(
        await page.evaluate(() => (window as unknown as { firstThreadDrawn: Promise<number> }).firstThreadDrawn),
      );
      await page.getByRole('button', { name: firstThread, exact: true }).waitFor();
      harnessTimes.push(await page.evaluate(() => performance.now()));
      if (i === 0) for (const file of scripts) loaded.add(file);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const files = [...loaded].sort((a, b) => (a === 'widget.js' ? -1 : b === 'widget.js' ? 1 : a.localeCompare(b)));
  const bytes = files.map((file) => readFileSync(new URL(file, DIST)));
  const sum = (size: (b: Buffer) => number) => bytes.reduce((total, b) => total + size(b), 0);
  return {
    files,
    minBytes: sum((b) => b.length),
    gzipBytes: sum((b) => gzipSync(b, { level: 9 }).length),
    brotliBytes: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
    firstRenderMs: median(times),
    firstRenderHarnessMs: median(harnessTimes),
  };
}

/**
 * Run in the page before its scripts: `firstThreadDrawn` resolves with the time the first frame
 * showing a visible button of the widget's list that reads `title` was drawn. Each frame's
 * callbacks look before it is drawn; a message posted from there is handled after it.
 */
function drawnAt(title: string): void {
  (window as unknown as { firstThreadDrawn: Promise<number> }).firstThreadDrawn = new Promise((resolve, reject) => {
    const giveUp = setTimeout(() => reject(new Error(`"${title}" was not shown within 30 s`)), 30_000);
    const look = () => {
      const list = document.querySelector('rapport-community')?.shadowRoot?.querySelector('rapport-thread-list');
      const buttons = [...(list?.shadowRoot?.querySelectorAll('button') ?? [])];
      if (!buttons.some((button) => button.textContent?.trim() === title && button.checkVisibility())) {
        requestAnimationFrame(look);
        return;
      }
      clearTimeout(giveUp);
      const drawn = new MessageChannel();
      drawn.port1.onmessage = () => resolve(performance.now());
      drawn.port2.postMessage(null);
    };
    requestAnimationFrame(look);
  });
}
