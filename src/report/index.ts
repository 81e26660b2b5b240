/**
 * `faultline/report`: the run result (docs/report-format.md) and the reporters over it
 * (console, JSON, HTML, Markdown, JUnit), plus diff and merge of results.
 *
 * @example
 * import { diffRunResults, formatRunDiff, loadRunResult } from 'faultline/report';
 * const diff = diffRunResults(await loadRunResult('reports/main/report.json'), await loadRunResult('reports/latest/report.json'));
 * console.log(formatRunDiff(diff));
 */

export type { BuildRunResultOptions } from './build-run-result.ts';
export { buildRunResult } from './build-run-result.ts';
export type { DiffThresholds, RunDiff, ScenarioDiff } from './diff-run-results.ts';
export { DEFAULT_DIFF_THRESHOLDS, diffRunResults } from './diff-run-results.ts';
export { formatRunDiff } from './format-run-diff.ts';
export { loadRunResult } from './load-run-result.ts';
export { mergeRunResults } from './merge-run-results.ts';
export type { ReportErrorCode } from './report-error.ts';
export { ReportError } from './report-error.ts';
export { consoleReporter } from './reporters/console.ts';
export { htmlReporter } from './reporters/html.ts';
export { jsonReporter } from './reporters/json.ts';
export { junitReporter } from './reporters/junit.ts';
export { markdownReporter } from './reporters/markdown.ts';
export type { RenderOptions, Reporter } from './reporters/reporter.ts';
export { DEFAULT_REPORTERS, getReporter, reporters } from './reporters/reporter-registry.ts';
export type {
  BreakerTransition,
  CheckResult,
  ContractResult,
  CountTotals,
  LatencySummary,
  Metrics,
  PhaseResult,
  RunResult,
  RunTotals,
  ScenarioResult,
  ScenarioVerdict,
  TimeBucket,
  TimeSeries,
} from './run-result.ts';
export { REPORT_SCHEMA_VERSION } from './run-result.ts';
export { writeReports } from './write-reports.ts';
