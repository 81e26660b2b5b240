import { mergeExploreResults } from '../explore/report/merge-explore-results.ts';
import { exitCodeOf } from './build-run-result.ts';
import { computeTotals } from './compute-totals.ts';
import { ReportError } from './report-error.ts';
import { REPORT_SCHEMA_VERSION, type RunResult } from './run-result.ts';

/**
 * Merges the results of shards (or of separate `run`, `verify` and `check` invocations)
 * into one: scenarios, contracts and checks concatenated in the order given, totals and
 * exit code recomputed. A scenario name present in two results is an error: shards run
 * disjoint scenarios, so a duplicate means the same run was passed twice.
 *
 * @example
 * const merged = mergeRunResults([await loadRunResult('shard-1'), await loadRunResult('shard-2')]);
 */
export function mergeRunResults(results: RunResult[], labels: string[] = []): RunResult {
  if (results.length === 0) {
    throw new ReportError(
      'FAULTLINE_REPORT_USAGE',
      'Failed to merge: expected at least one run result, got none.',
    );
  }
  const seen = new Map<string, string>();
  for (const [i, r] of results.entries()) {
    const label = labels[i] ?? `result ${i + 1}`;
    for (const s of r.scenarios) {
      const other = seen.get(s.name);
      if (other !== undefined) {
        throw new ReportError(
          'FAULTLINE_REPORT_INVALID',
          `Failed to merge: scenario ${JSON.stringify(s.name)} is in both ${other} and ${label}. Merge the shards of one run, each once.`,
        );
      }
      seen.set(s.name, label);
    }
  }
  const scenarios = results.flatMap((r) => r.scenarios);
  const contracts = results.some((r) => r.contracts) ? results.flatMap((r) => r.contracts ?? []) : undefined;
  const checks = results.some((r) => r.checks) ? results.flatMap((r) => r.checks ?? []) : undefined;
  const shards = results.flatMap((r) => r.shards ?? []);
  const explored = results.flatMap((r, i) =>
    r.explore ? [{ e: r.explore, label: labels[i] ?? `result ${i + 1}` }] : [],
  );
  const explore = mergeExploreResults(
    explored.map((x) => x.e),
    explored.map((x) => x.label),
  );
  const first = results[0]!;
  const merged: RunResult = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: [...new Set(results.map((r) => r.runId))].join('+'),
    ...(first.startedAt !== undefined ? { startedAt: minString(results.map((r) => r.startedAt)) } : {}),
    ...(first.faultlineVersion !== undefined ? { faultlineVersion: first.faultlineVersion } : {}),
    ...(shards.length > 0 ? { shards } : {}),
    ...(results.every((r) => r.durationMs !== undefined)
      ? { durationMs: Math.max(...results.map((r) => r.durationMs!)) }
      : {}),
    interrupted: results.some((r) => r.interrupted),
    scenarios,
    ...(contracts ? { contracts } : {}),
    ...(checks ? { checks } : {}),
    ...(explore ? { explore } : {}),
    totals: computeTotals(scenarios, contracts, checks),
    exitCode: 0,
  };
  merged.exitCode = exitCodeOf(merged);
  return merged;
}

function minString(values: Array<string | undefined>): string {
  return values.filter((v): v is string => v !== undefined).sort()[0]!;
}
