import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../test/support/event-log-fixture.ts';
import { mixedRun, tempDir } from '../../test/support/report-fixtures.ts';
import { buildRunResult } from './build-run-result.ts';
import { writeReports } from './write-reports.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('writeReports', () => {
  it('writes report.json, report.html, summary.md and junit.xml and leaves no temp file', async () => {
    await writeEventLog(join(dir, 'events.ndjson'), mixedRun());
    const result = await buildRunResult(join(dir, 'events.ndjson'));

    const written = await writeReports(result, dir);

    expect(written.map((p) => p.slice(dir.length + 1))).toEqual([
      'report.json',
      'report.html',
      'summary.md',
      'junit.xml',
    ]);
    expect((await readdir(dir)).sort()).toEqual([
      'events.ndjson',
      'junit.xml',
      'report.html',
      'report.json',
      'summary.md',
    ]);
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')).runId).toBe('run-fixture');
  });

  it('writes nothing when one reporter is unknown, keeping the old reports', async () => {
    await writeEventLog(join(dir, 'events.ndjson'), mixedRun());
    const result = await buildRunResult(join(dir, 'events.ndjson'));
    await writeFile(join(dir, 'report.json'), 'old');

    await expect(writeReports(result, dir, ['json', 'pdf'])).rejects.toMatchObject({
      code: 'FAULTLINE_REPORTER_NOT_FOUND',
      message: expect.stringContaining('json, html, markdown, junit, console'),
    });

    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['events.ndjson', 'report.json']);
  });

  it('refuses the console reporter, which has no file', async () => {
    await writeEventLog(join(dir, 'events.ndjson'), mixedRun());
    const result = await buildRunResult(join(dir, 'events.ndjson'));

    await expect(writeReports(result, dir, ['console'])).rejects.toMatchObject({
      code: 'FAULTLINE_REPORT_USAGE',
    });
  });
});
