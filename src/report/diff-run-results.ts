import { diffExploreResults, type ExploreCellDiff } from '../explore/report/diff-explore-results.ts';
import type { RunResult, ScenarioVerdict } from './run-result.ts';

export interface DiffThresholds {
  /** Largest allowed relative increase of a scenario's p99 latency, as a fraction (0.2 = 20%). @default 0.2 */
  maxP99Increase?: number;
  /** Largest allowed drop of a scenario's success rate, in absolute fraction (0.01 = 1 point). @default 0.01 */
  maxSuccessDrop?: number;
}

export const DEFAULT_DIFF_THRESHOLDS: Required<DiffThresholds> = {
  maxP99Increase: 0.2,
  maxSuccessDrop: 0.01,
};

export interface ScenarioDiff {
  name: string;
  status: 'compared' | 'added' | 'removed';
  baseVerdict?: ScenarioVerdict;
  newVerdict?: ScenarioVerdict;
  baseP99?: number | null;
  newP99?: number | null;
  /** Relative p99 change (0.25 = +25%), null when either side has no calls. */
  p99Change?: number | null;
  baseSuccessRate?: number | null;
  newSuccessRate?: number | null;
  /** Absolute success-rate change (-0.02 = 2 points worse), null when either side has no calls. */
  successChange?: number | null;
  /** Why this scenario regressed; empty when it did not. */
  regressions: string[];
}

export interface RunDiff {
  thresholds: Required<DiffThresholds>;
  scenarios: ScenarioDiff[];
  /** Explore cells whose verdict changed (present when either run explored). */
  explore?: ExploreCellDiff[];
  /** True when any scenario regressed, or an explore cell that was tolerated no longer is beyond the thresholds (or went from pass to fail). */
  regressed: boolean;
}

/**
 * Compares two runs scenario by scenario (matched by name). A scenario regresses when its
 * p99 grew by more than `maxP99Increase`, its success rate fell by more than
 * `maxSuccessDrop`, or it passed in the base run and does not in the new one. Added and
 * removed scenarios are listed but are not regressions.
 */
export function diffRunResults(base: RunResult, next: RunResult, thresholds: DiffThresholds = {}): RunDiff {
  const limits = { ...DEFAULT_DIFF_THRESHOLDS, ...thresholds };
  const baseByName = new Map(base.scenarios.map((s) => [s.name, s]));
  const nextNames = new Set(next.scenarios.map((s) => s.name));
  const scenarios: ScenarioDiff[] = [];
  for (const n of next.scenarios) {
    const b = baseByName.get(n.name);
    if (b === undefined) {
      scenarios.push({ name: n.name, status: 'added', newVerdict: n.verdict, regressions: [] });
      continue;
    }
    const baseP99 = b.metrics.latencyMs?.p99 ?? null;
    const newP99 = n.metrics.latencyMs?.p99 ?? null;
    const p99Change =
      baseP99 !== null && newP99 !== null ? (newP99 - baseP99) / Math.max(baseP99, 0.001) : null;
    const baseSuccessRate = b.metrics.successRate;
    const newSuccessRate = n.metrics.successRate;
    const successChange =
      baseSuccessRate !== null && newSuccessRate !== null ? newSuccessRate - baseSuccessRate : null;
    const regressions: string[] = [];
    // Why the epsilon: rates are ratios of integers; avoid flagging 1% drops that are 1% + 1e-16.
    if (p99Change !== null && p99Change > limits.maxP99Increase + 1e-9) {
      regressions.push(
        `p99 +${(p99Change * 100).toFixed(1)}% > +${(limits.maxP99Increase * 100).toFixed(1)}%`,
      );
    }
    if (successChange !== null && -successChange > limits.maxSuccessDrop + 1e-9) {
      regressions.push(
        `success ${(successChange * 100).toFixed(2)} pts < -${(limits.maxSuccessDrop * 100).toFixed(2)} pts`,
      );
    }
    if (b.verdict === 'pass' && n.verdict !== 'pass') regressions.push(`verdict pass -> ${n.verdict}`);
    scenarios.push({
      name: n.name,
      status: 'compared',
      baseVerdict: b.verdict,
      newVerdict: n.verdict,
      baseP99,
      newP99,
      p99Change,
      baseSuccessRate,
      newSuccessRate,
      successChange,
      regressions,
    });
  }
  for (const b of base.scenarios) {
    if (!nextNames.has(b.name))
      scenarios.push({ name: b.name, status: 'removed', baseVerdict: b.verdict, regressions: [] });
  }
  const explore = base.explore || next.explore ? diffExploreResults(base.explore, next.explore) : undefined;
  return {
    thresholds: limits,
    scenarios,
    ...(explore ? { explore } : {}),
    regressed: scenarios.some((s) => s.regressions.length > 0) || (explore ?? []).some((c) => c.regressed),
  };
}
