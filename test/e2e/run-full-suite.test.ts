import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { RunEvent } from '../../src/report/run-events.ts';
import type { RunResult } from '../../src/report/run-result.ts';
import { fakeCliIo } from '../support/fake-cli-io.ts';

/** The repository root: its faultline.config.yaml and committed contracts/ are the suite. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SCENARIO = `
name: search answers in steady state
service: search
seed: 5
load:
  concurrency: 1
  ratePerSec: 10
  request: { method: GET, path: /v1/search, query: { q: retry } }
phases:
  - name: steady
    durationMs: 2000
hypotheses:
  - successRate: { min: 1 }
`;

let dir: string;
let scenario: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-suite-'));
  scenario = join(dir, 'steady.yaml');
  await writeFile(scenario, SCENARIO);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readEvents(path: string): Promise<RunEvent[]> {
  const text = await readFile(path, 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RunEvent);
}

describe('faultline run with invariants and contracts', () => {
  it('proves the invariants and verifies every pact into the same event log and report', async () => {
    const io = fakeCliIo({ cwd: ROOT, env: { CI: 'true' } });
    const reportDir = join(dir, 'with-suite');
    const code = await main(
      ['run', scenario, '--check', '--verify', '--num-runs', '5', '--seed', '9', '--report-dir', reportDir],
      io,
    );
    expect(io.err()).not.toMatch(/Error/);
    expect(code).toBe(0);

    const events = await readEvents(join(reportDir, 'events.ndjson'));
    const check = events.find((e) => e.type === 'check');
    const contracts = events.find((e) => e.type === 'contracts');
    expect(check?.type === 'check' && check.results.length).toBeGreaterThan(0);
    expect(contracts?.type === 'contracts' && contracts.results.map((r) => r.provider)).toEqual(
      expect.arrayContaining(['inference-service', 'auth-service', 'toxiproxy']),
    );
    // Both come before the end of the run, so an interrupted run never claims them.
    const types = events.map((e) => e.type);
    expect(types.indexOf('contracts')).toBeLessThan(types.indexOf('run-end'));

    const report = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8')) as RunResult;
    expect(report.totals.checks.total).toBe(check?.type === 'check' ? check.results.length : -1);
    expect(report.totals.contracts.failed).toBe(0);
    expect(io.out()).toMatch(/invariants: \d+\/\d+ held \(seed 9\)/);
  });

  it('runs only the named scenario when given files, unless asked for more', async () => {
    const io = fakeCliIo({ cwd: ROOT, env: { CI: 'true' } });
    const reportDir = join(dir, 'scenario-only');
    const code = await main(['run', scenario, '--report-dir', reportDir], io);
    expect(code).toBe(0);
    const types = (await readEvents(join(reportDir, 'events.ndjson'))).map((e) => e.type);
    expect(types).not.toContain('check');
    expect(types).not.toContain('contracts');
  });
});
