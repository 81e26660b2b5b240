import { faultlineVersion } from '../faultline-version.ts';
import { exitCodeOf } from '../report/build-run-result.ts';
import { computeTotals } from '../report/compute-totals.ts';
import { REPORT_SCHEMA_VERSION, type RunResult } from '../report/run-result.ts';
import type { ExploreResult } from './explore-result.ts';

/**
 * The RunResult of an exploration (report.json and every reporter render it): no
 * scenarios, the matrix under `explore`. Exit code 1 unless every cell was tolerated.
 */
export function exploreRunResult(
  explore: ExploreResult,
  context: { runId: string; startedAt: string; argv: string[]; interrupted: boolean },
): RunResult {
  const result: RunResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: context.runId,
    startedAt: context.startedAt,
    faultlineVersion: faultlineVersion(),
    argv: context.argv,
    durationMs: explore.wallMs,
    interrupted: context.interrupted,
    scenarios: [],
    explore,
    totals: computeTotals([], undefined, undefined),
    exitCode: 0,
  };
  result.exitCode = context.interrupted ? 1 : exitCodeOf(result);
  return result;
}
