import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { main } from '../../../src/cli/main.ts';
import { writeEventLog } from '../../support/event-log-fixture.ts';
import { mixedRun, outageScenario, slowScenario, tempDir } from '../../support/report-fixtures.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd: dir,
    onSignal: () => () => {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('faultline report', () => {
  it('build regenerates every report from RUN_DIR/events.ndjson and exits 1 for a failed run', async () => {
    await writeEventLog(join(dir, 'runs/1/events.ndjson'), mixedRun());

    const { code, stdout } = await run(['report', 'build', 'runs/1']);

    expect(code).toBe(1);
    expect((await readdir(join(dir, 'runs/1'))).sort()).toEqual([
      'events.ndjson',
      'junit.xml',
      'report.html',
      'report.json',
      'summary.md',
    ]);
    expect(stdout).toContain('FAIL inference-outage');
    expect(stdout).toContain('1/2 scenarios passed');
  });

  it('build exits 0 for a passing run and 2 for a missing directory', async () => {
    await writeEventLog(join(dir, 'ok/events.ndjson'), { scenarios: [slowScenario()] });

    expect((await run(['report', 'build', 'ok'])).code).toBe(0);
    const missing = await run(['report', 'build', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('build takes --reporter as every list flag: repeated or comma-separated (--reporters still works)', async () => {
    await writeEventLog(join(dir, 'a/events.ndjson'), { scenarios: [slowScenario()] });
    await writeEventLog(join(dir, 'b/events.ndjson'), { scenarios: [slowScenario()] });
    await writeEventLog(join(dir, 'c/events.ndjson'), { scenarios: [slowScenario()] });

    expect((await run(['report', 'build', 'a', '--reporter', 'json,markdown'])).code).toBe(0);
    expect((await run(['report', 'build', 'b', '--reporter', 'json', '--reporter', 'markdown'])).code).toBe(
      0,
    );
    expect((await run(['report', 'build', 'c', '--reporters', 'json,markdown'])).code).toBe(0);
    for (const d of ['a', 'b', 'c'])
      expect((await readdir(join(dir, d))).sort()).toEqual(['events.ndjson', 'report.json', 'summary.md']);
  });

  it('diff exits 0 without regression, 1 beyond the thresholds, 2 on bad input', async () => {
    await writeEventLog(join(dir, 'base/events.ndjson'), { scenarios: [slowScenario()] });
    await writeEventLog(join(dir, 'same/events.ndjson'), { scenarios: [slowScenario()] });
    await writeEventLog(join(dir, 'slower/events.ndjson'), {
      scenarios: [slowScenario({ phases: [{ name: 'slow', durationMs: 3000, latencyMs: 200 }] })],
    });

    const same = await run(['report', 'diff', 'base', 'same']);
    const slower = await run(['report', 'diff', 'base', 'slower', '--max-p99-increase', '20%']);
    const tolerant = await run(['report', 'diff', 'base', 'slower', '--max-p99-increase', '1000%']);
    const badFlag = await run(['report', 'diff', 'base', 'same', '--max-success-drop', 'lots']);
    const badDir = await run(['report', 'diff', 'base', 'missing']);

    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No regression.');
    expect(slower.code).toBe(1);
    expect(slower.stdout).toMatch(/REGRESSED\s+auth <slow> & "quoted"/);
    expect(tolerant.code).toBe(0);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--max-success-drop: expected a percentage such as "20%", got "lots"');
    expect(badDir.code).toBe(2);
  });

  it('diff reads report.json when a directory has no event log', async () => {
    await writeEventLog(join(dir, 'base/events.ndjson'), { scenarios: [slowScenario()] });
    await run(['report', 'build', 'base']);
    await mkdir(join(dir, 'copy'));
    await writeFile(join(dir, 'copy/report.json'), await readFile(join(dir, 'base/report.json')));

    expect((await run(['report', 'diff', 'copy', 'base'])).code).toBe(0);
  });

  it('merge writes one report from several shards', async () => {
    await writeEventLog(join(dir, 's1/events.ndjson'), { runId: 'r1', scenarios: [slowScenario()] });
    await writeEventLog(join(dir, 's2/events.ndjson'), {
      runId: 'r2',
      scenarios: [outageScenario({ hypotheses: [] })],
    });

    const { code } = await run(['report', 'merge', 's1', 's2', '--out', 'merged']);

    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'merged/report.json'), 'utf8'));
    expect(report.runId).toBe('r1+r2');
    expect(report.scenarios).toHaveLength(2);
    expect(await readFile(join(dir, 'merged/summary.md'), 'utf8')).toContain('2/2 scenarios passed');
  });

  it('merge exits 2 when the same shard is given twice', async () => {
    await writeEventLog(join(dir, 's1/events.ndjson'), { scenarios: [slowScenario()] });

    const { code, stderr } = await run(['report', 'merge', 's1', 's1']);

    expect(code).toBe(2);
    expect(stderr).toContain('is in both s1 and s1');
  });
});
