import { faultlineVersion } from '../faultline-version.ts';
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
  const allTolerated = explore.cells.every((c) => c.verdict === 'tolerated');
  return {
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
    exitCode: allTolerated && !context.interrupted ? 0 : 1,
  };
}
