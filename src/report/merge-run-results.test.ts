import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../test/support/event-log-fixture.ts';
import { mixedRun, outageScenario, slowScenario, tempDir } from '../../test/support/report-fixtures.ts';
import { buildRunResult } from './build-run-result.ts';
import { mergeRunResults } from './merge-run-results.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('mergeRunResults', () => {
  it('concatenates shards and recomputes totals and the exit code', async () => {
    await writeEventLog(join(dir, 'a.ndjson'), {
      runId: 'a',
      scenarios: [slowScenario()],
      shard: { index: 0, total: 2 },
    });
    await writeEventLog(
      join(dir, 'b.ndjson'),
      mixedRun({ runId: 'b', scenarios: [outageScenario()], shard: { index: 1, total: 2 } }),
    );
    const a = await buildRunResult(join(dir, 'a.ndjson'));
    const b = await buildRunResult(join(dir, 'b.ndjson'));

    const merged = mergeRunResults([a, b]);

    expect(a.exitCode).toBe(0);
    expect(merged.runId).toBe('a+b');
    expect(merged.shards).toEqual([
      { index: 0, total: 2, runId: 'a' },
      { index: 1, total: 2, runId: 'b' },
    ]);
    expect(merged.scenarios.map((s) => s.name)).toEqual(['auth <slow> & "quoted"', 'inference-outage']);
    expect(merged.totals.calls).toBe(a.totals.calls + b.totals.calls);
    expect(merged.totals.scenarios).toEqual({ total: 2, passed: 1, failed: 1, errored: 0, interrupted: 0 });
    expect(merged.totals.contracts.total).toBe(2);
    expect(merged.exitCode).toBe(1);
  });

  it('rejects the same scenario in two results, naming both', async () => {
    await writeEventLog(join(dir, 'a.ndjson'), { scenarios: [slowScenario()] });
    const a = await buildRunResult(join(dir, 'a.ndjson'));

    expect(() => mergeRunResults([a, a], ['shard-1', 'shard-2'])).toThrow(
      /scenario "auth <slow> & \\"quoted\\"" is in both shard-1 and shard-2/,
    );
  });
});
