import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../test/support/event-log-fixture.ts';
import { outageScenario, slowScenario, tempDir } from '../../test/support/report-fixtures.ts';
import { buildRunResult } from './build-run-result.ts';
import { diffRunResults } from './diff-run-results.ts';
import { formatRunDiff } from './format-run-diff.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function build(name: string, scenarios: Parameters<typeof writeEventLog>[1]['scenarios']) {
  await writeEventLog(join(dir, `${name}.ndjson`), { scenarios });
  return buildRunResult(join(dir, `${name}.ndjson`));
}

describe('diffRunResults', () => {
  it('finds no regression between two identical runs', async () => {
    const base = await build('base', [slowScenario()]);
    const next = await build('next', [slowScenario()]);

    const diff = diffRunResults(base, next);

    expect(diff.regressed).toBe(false);
    expect(diff.scenarios[0]).toMatchObject({ status: 'compared', p99Change: 0, successChange: 0 });
  });

  it('flags a p99 increase beyond the threshold but not within it', async () => {
    const base = await build('base', [slowScenario()]);
    const next = await build('next', [
      slowScenario({ phases: [{ name: 'slow', durationMs: 3000, latencyMs: 180 }] }),
    ]);

    const strict = diffRunResults(base, next, { maxP99Increase: 0.2 });
    const lax = diffRunResults(base, next, { maxP99Increase: 10 });

    expect(strict.scenarios[0]!.p99Change).toBeGreaterThan(0.2);
    expect(strict.regressed).toBe(true);
    expect(strict.scenarios[0]!.regressions[0]).toMatch(/^p99 \+\d+\.\d% > \+20\.0%$/);
    expect(lax.regressed).toBe(false);
  });

  it('flags a success-rate drop and a pass turning into a fail', async () => {
    const base = await build('base', [slowScenario()]);
    const next = await build('next', [
      slowScenario({ phases: [{ name: 'slow', durationMs: 3000, latencyMs: 120, failureRate: 0.5 }] }),
    ]);

    const diff = diffRunResults(base, next, { maxSuccessDrop: 0.01, maxP99Increase: 100 });

    expect(diff.scenarios[0]!.successChange).toBeLessThan(-0.01);
    expect(diff.scenarios[0]!.regressions).toEqual([
      expect.stringMatching(/^success -\d+\.\d\d pts < -1\.00 pts$/),
      'verdict pass -> fail',
    ]);
    expect(formatRunDiff(diff)).toContain('REGRESSED');
  });

  it('lists added and removed scenarios without calling them regressions', async () => {
    const base = await build('base', [slowScenario()]);
    const next = await build('next', [outageScenario({ hypotheses: [] })]);

    const diff = diffRunResults(base, next);

    expect(diff.scenarios.map((s) => [s.name, s.status])).toEqual([
      ['inference-outage', 'added'],
      ['auth <slow> & "quoted"', 'removed'],
    ]);
    expect(diff.regressed).toBe(false);
  });
});
