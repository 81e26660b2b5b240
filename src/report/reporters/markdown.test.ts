import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../../test/support/event-log-fixture.ts';
import { mixedRun, outageScenario, slowScenario, tempDir } from '../../../test/support/report-fixtures.ts';
import { buildRunResult } from '../build-run-result.ts';
import { markdownReporter } from './markdown.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('markdown reporter', () => {
  it('matches the snapshot of a mixed run', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, mixedRun());

    const md = markdownReporter.render(await buildRunResult(log));

    await expect(md).toMatchFileSnapshot('./__snapshots__/summary.mixed.md');
  });

  it('lists failing scenarios first, with expected vs observed', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [slowScenario(), outageScenario()] });

    const md = markdownReporter.render(await buildRunResult(log));

    const rows = md.split('\n').filter((l) => l.startsWith('| ✅') || l.startsWith('| ❌'));
    expect(rows[0]).toContain('inference-outage');
    expect(md).toMatch(
      /- \*\*whole run: latency p99 \\<= 50 ms\*\*: expected latency p99 \\<= 50 ms, observed p99/,
    );
    expect(md).toContain('auth \\<slow\\> & "quoted"');
  });

  it('says passed when everything held', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [slowScenario()] });

    const md = markdownReporter.render(await buildRunResult(log));

    expect(md.split('\n')[0]).toBe('## Faultline ✅ passed');
    expect(md).not.toContain('###');
  });
});
