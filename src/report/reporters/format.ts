import type { Metrics, RunResult, ScenarioVerdict } from '../run-result.ts';

/** Small shared formatters so every reporter prints numbers the same way. */

/** "12.3 ms", "1.52 s", or "-" for null. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${Number(ms.toFixed(ms < 10 ? 2 : 1))} ms`;
}

/** "99.5%", or "-" for null. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '-';
  const percent = rate * 100;
  return `${percent === 100 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** "1.23", or "-" for null. */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value.toFixed(2);
}

/** A count, or "unknown" when the client under test does not report it (null). */
export function formatCount(value: number | null): string {
  return value === null ? 'unknown' : String(value);
}

/** Attempts per call: "-" without calls, "unknown" when the client reported no attempt count. */
export function formatAttempts(m: Pick<Metrics, 'calls' | 'attemptsPerCall'>): string {
  return m.calls > 0 && m.attemptsPerCall === null ? 'unknown' : formatRatio(m.attemptsPerCall);
}

/**
 * Why a run failed, in a few words (no final period): some scenarios errored, the run was
 * interrupted, nothing ran at all, or some checks failed.
 */
export function failureHeadline(result: Pick<RunResult, 'totals' | 'interrupted'>): string {
  const t = result.totals;
  const ran = t.scenarios.passed + t.scenarios.failed + t.contracts.total + t.checks.total;
  if (t.scenarios.errored > 0)
    return `${t.scenarios.errored} scenario${t.scenarios.errored === 1 ? '' : 's'} errored (could not run to the end)`;
  if (result.interrupted || t.scenarios.interrupted > 0) return 'The run was interrupted';
  if (ran === 0) return 'Nothing ran, so nothing was proven';
  return 'Some checks failed';
}

/** Report order of verdicts: what needs attention first. */
export const VERDICT_RANK: Record<ScenarioVerdict, number> = { errored: 0, fail: 1, interrupted: 2, pass: 3 };

/** The words a verdict is shown with (badges, JUnit types). */
export const VERDICT_LABEL: Record<ScenarioVerdict, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  errored: 'ERRORED',
  interrupted: 'INTERRUPTED',
};
