/**
 * report.html in a real browser: headless Chromium (Debian's `chromium`, or
 * the one CHROMIUM names) driven by playwright-core, on the seeds' report.
 * Skipped where no Chromium is installed, except under CI (.ci/run installs it).
 * `REPORT_SCREENSHOT=docs/report.png npx vitest run tests/browser` updates the
 * README's screenshot.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cli, FIXTURES, ROOT, tmpDir } from '../helpers.js';

function findChromium(): string | undefined {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const executable = findChromium();
if (!executable && process.env.CI) throw new Error('no Chromium found (set CHROMIUM, or apt-get install chromium): the browser test must run in CI');

describe.skipIf(!executable)('report.html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const out = path.join(tmpDir(), 'out');
    expect(cli([path.join(FIXTURES, 'seeds'), '-o', out, '-q']).code).toBe(0);
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
    browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${path.join(out, 'report.html')}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from disk without errors and without fetching anything', () => {
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('draws the share of each reason as a chart', async () => {
    const bars = page.locator('#share-chart g.bar');
    expect(await bars.count()).toBe(5);
    const within = page.locator('#share-chart g.bar[data-reason="repeat-within-doc"] rect');
    expect(Number(await within.getAttribute('width'))).toBeGreaterThan(0);
    expect(await page.locator('#lost-chart rect').count()).toBe(10);
  });

  it('filters by reason to seed 000 and highlights its doubled body, with the reason on hover', async () => {
    await page.selectOption('#reason', { label: 'repeat-within-doc' });
    const rows = page.locator('#doc-list tr');
    const names = await rows.allTextContents();
    expect(names.some((n) => n.includes('000_ce966927f2f8c2aa.txt'))).toBe(true);
    // only documents with such a removal are listed
    expect(names.length).toBeLessThan(5);
    await rows.filter({ hasText: '000_ce966927f2f8c2aa.txt' }).click();
    const marks = page.locator('#doc-view mark.r-repeat-within-doc');
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await marks.first().getAttribute('title')).toBe('repeat-within-doc: text repeated earlier in the same document');
    // the doubled body: over a thousand characters marked, drawn in the reason's colour
    const marked = (await marks.allTextContents()).join('');
    expect(marked.length).toBeGreaterThan(1000);
    expect(await marks.first().evaluate((e) => getComputedStyle(e).borderBottomColor)).toBe('rgb(230, 159, 0)');
    await page.screenshot({ path: path.join(tmpDir(), 'report.png') });
    if (process.env.REPORT_SCREENSHOT) await page.screenshot({ path: path.resolve(ROOT, process.env.REPORT_SCREENSHOT) });
  });

  it('filters by status and searches the text', async () => {
    await page.selectOption('#reason', '');
    await page.selectOption('#status', 'kept');
    expect(await page.locator('#doc-list tr').count()).toBe(5);
    await page.selectOption('#status', 'duplicate');
    expect(await page.locator('#doc-list tr').count()).toBe(0);
    expect(await page.locator('#doc-view').textContent()).toContain('No document matches.');
    await page.selectOption('#status', '');
    await page.fill('#search', '메타 초지능연구소');
    expect(await page.locator('#doc-list tr').count()).toBe(1);
    expect(await page.locator('#doc-list tr').first().textContent()).toContain('002_5233119f56ed92b3.txt');
  });
});

// the screenshot file is a PNG
it.skipIf(!executable || !process.env.REPORT_SCREENSHOT)('wrote the screenshot', () => {
  expect(fs.readFileSync(path.resolve(ROOT, process.env.REPORT_SCREENSHOT!)).subarray(1, 4).toString()).toBe('PNG');
});
