import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportError } from './report-error.ts';
import { DEFAULT_REPORTERS, getReporter } from './reporters/reporter-registry.ts';
import type { RunResult } from './run-result.ts';

/**
 * Renders `result` with each named reporter and writes the files into `dir` ATOMICALLY:
 * every reporter renders first (a reporter that throws writes nothing), then each file is
 * written to a temp file in the same directory and renamed over the target, so a reader
 * never sees a half-written report. Returns the paths written.
 *
 * @example
 * await writeReports(await buildRunResult('reports/latest/events.ndjson'), 'reports/latest');
 */
export async function writeReports(
  result: RunResult,
  dir: string,
  names: readonly string[] = DEFAULT_REPORTERS,
): Promise<string[]> {
  const rendered = names.map((name) => {
    const reporter = getReporter(name);
    if (reporter.fileName === undefined) {
      throw new ReportError(
        'FAULTLINE_REPORT_USAGE',
        `Failed to write reporter "${name}" to ${dir}: it prints to the terminal and writes no file. Drop it from the list.`,
      );
    }
    return { path: join(dir, reporter.fileName), text: reporter.render(result) };
  });
  await mkdir(dir, { recursive: true });
  const temps: string[] = [];
  try {
    for (const file of rendered) {
      const temp = `${file.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      temps.push(temp);
      await writeFile(temp, file.text, 'utf8');
    }
    // Rename only once every temp file is complete: an error above leaves the old reports intact.
    for (const [i, file] of rendered.entries()) await rename(temps[i]!, file.path);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw err;
  }
  return rendered.map((f) => f.path);
}
