import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildRunResult } from './build-run-result.ts';
import { ReportError } from './report-error.ts';
import { REPORT_SCHEMA_VERSION, type RunResult } from './run-result.ts';

/** File names inside a run directory. */
export const EVENT_LOG_FILE = 'events.ndjson';
export const REPORT_JSON_FILE = 'report.json';

/**
 * The RunResult of a run directory: built from its event log (the source of truth) when it
 * has one, otherwise read from its report.json (a merged or copied report).
 *
 * @example
 * const base = await loadRunResult('reports/main');
 */
export async function loadRunResult(dir: string): Promise<RunResult> {
  const log = join(dir, EVENT_LOG_FILE);
  if (await exists(log)) return buildRunResult(log);
  const json = join(dir, REPORT_JSON_FILE);
  if (!(await exists(json))) {
    throw new ReportError(
      'FAULTLINE_REPORT_NOT_FOUND',
      `Failed to read the run in ${dir}: expected ${EVENT_LOG_FILE} or ${REPORT_JSON_FILE} there, found neither. Pass a directory written by \`faultline run\`.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(json, 'utf8'));
  } catch (err) {
    throw new ReportError(
      'FAULTLINE_REPORT_INVALID',
      `Failed to read ${json}: expected JSON, got text that does not parse (${(err as Error).message}). Regenerate it with \`faultline report build\`.`,
      { cause: err },
    );
  }
  const version = (parsed as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new ReportError(
      'FAULTLINE_REPORT_INVALID',
      `Failed to read ${json}: expected schemaVersion ${REPORT_SCHEMA_VERSION}, got ${JSON.stringify(version)}. Regenerate it with this version of faultline.`,
    );
  }
  return parsed as RunResult;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
