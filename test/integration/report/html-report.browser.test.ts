import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunResult } from '../../../src/report/build-run-result.ts';
import { writeReports } from '../../../src/report/write-reports.ts';
import { writeEventLog } from '../../support/event-log-fixture.ts';
import { mixedRun, tempDir } from '../../support/report-fixtures.ts';

// Runs in the page (the project's tsconfig has no DOM lib).
declare const getComputedStyle: (element: unknown) => { backgroundColor: string; color: string };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let dir: string;
let cleanup: () => Promise<void>;
let reportUrl: string;
const opened: Array<{ context: BrowserContext; userDataDir: string }> = [];

/** A fresh Chromium profile per context, so nothing cached or synced leaks in. */
async function openBrowser(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'faultline-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
  });
  opened.push({ context, userDataDir });
  return context;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeEventLog(join(dir, 'events.ndjson'), mixedRun());
  await writeReports(await buildRunResult(join(dir, 'events.ndjson')), dir, ['html']);
  reportUrl = pathToFileURL(join(dir, 'report.html')).href;
});

afterAll(async () => {
  for (const { context, userDataDir } of opened) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  await cleanup();
});

describe('report.html in headless Chromium', () => {
  it('loads with no console error and no request but the file itself, charts banded by phase', async () => {
    const context = await openBrowser(true);
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(reportUrl, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    expect(requests).toEqual([reportUrl]);
    const sections = page.locator('section.scenario');
    await sections.nth(1).waitFor({ state: 'attached' });
    expect(await sections.count()).toBe(2);
    // inference-outage: 3 charts x 3 phases; auth: 3 charts x 1 phase.
    expect(await sections.nth(0).locator('svg.chart').count()).toBe(3);
    expect(await sections.nth(0).locator('svg.chart rect.phase-band').count()).toBe(9);
    expect(await sections.nth(0).locator('svg.chart rect.phase-band.faulty').count()).toBe(3);
    expect(await sections.nth(1).locator('svg.chart rect.phase-band').count()).toBe(3);
    expect(await sections.nth(0).locator('path.series.p99').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await sections.nth(0).locator('.phase-label').allTextContents()).toContain('⚡ outage');
    expect(await sections.nth(0).locator('pre.replay').textContent()).toBe(
      'npx faultline run scenarios/inference-outage.yaml --seed 7',
    );
    // The scenario name with markup is shown as text, not parsed.
    expect(await sections.nth(1).locator('h2').textContent()).toContain('auth <slow> & "quoted"');

    const failing = sections.nth(0).locator('table.hypotheses tr.hypothesis.fail');
    expect(await failing.count()).toBe(1);
    const passing = sections.nth(0).locator('table.hypotheses tr.hypothesis.pass').first();
    const bg = (l: typeof failing) =>
      l
        .locator('td')
        .nth(1)
        .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(await bg(failing)).toBe('rgb(255, 227, 227)');
    expect(await bg(passing)).not.toBe(await bg(failing));
    expect(await failing.locator('.observed').evaluate((td) => getComputedStyle(td).color)).toBe(
      'rgb(201, 42, 42)',
    );

    await mkdir(resolve('test-artifacts'), { recursive: true });
    await page.screenshot({ path: resolve('test-artifacts/report-html.png'), fullPage: true });
  });

  it('filters to failing scenarios with the inline script', async () => {
    const context = await openBrowser(true);
    const page = await context.newPage();
    await page.goto(reportUrl);

    await page.locator('#only-failing').check({ timeout: 20_000 });

    expect(await page.locator('section.scenario.pass').isVisible()).toBe(false);
    expect(await page.locator('section.scenario.fail').isVisible()).toBe(true);
  });

  it('shows every table with JavaScript disabled', async () => {
    const context = await openBrowser(false);
    const page = await context.newPage();
    await page.goto(reportUrl);

    for (const table of [
      'table.index',
      'table.hypotheses',
      'table.phases',
      'table.contracts',
      'table.checks',
    ]) {
      expect(await page.locator(table).first().isVisible(), table).toBe(true);
    }
    expect(await page.locator('table.index tbody tr').count()).toBe(2);
    // The filter needs the script, so without it the checkbox stays hidden.
    expect(await page.locator('#only-failing').isVisible()).toBe(false);
  });
});
