import type { BreakerState } from '../client/client-types.ts';
import type { ExploreResult } from '../explore/explore-result.ts';
import type { HypothesisResult } from './run-events.ts';

/**
 * The one computed result every reporter renders (report.json is this object verbatim).
 * Built from the run's event log by `buildRunResult`; documented in docs/report-format.md
 * and described by src/report/report.schema.json. Additive changes keep `schemaVersion`;
 * anything else bumps it.
 */
export const REPORT_SCHEMA_VERSION = 2;

export interface RunResult {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** The run id from run-start, or "unknown" when the log has none. Merged runs join ids with "+". */
  runId: string;
  /** ISO-8601 wall-clock start of the run, when known. */
  startedAt?: string;
  faultlineVersion?: string;
  argv?: string[];
  /** Shards this result was built from (present for sharded and merged runs). */
  shards?: Array<{ index: number; total: number; runId: string }>;
  /** Run wall time, ms (from run-end), when the run finished. */
  durationMs?: number;
  /** True when the run did not end normally (no run-end, or run-end.interrupted). */
  interrupted: boolean;
  scenarios: ScenarioResult[];
  /** Contract interactions verified by `faultline verify`, when the log has them. */
  contracts?: ContractResult[];
  /** Invariants checked by `faultline check`, when the log has them. */
  checks?: CheckResult[];
  /** The fault-coverage matrix of `faultline explore`, when this result is an exploration. */
  explore?: ExploreResult;
  totals: RunTotals;
  /** What `faultline run` exits with for this result: 0 all held, 1 something failed or was interrupted. */
  exitCode: 0 | 1;
}

/**
 * - pass: every hypothesis held;
 * - fail: it ran, and a hypothesis failed;
 * - errored: it could not run or finish (an error before its first phase, during one, or
 *   while undoing its faults); the report says why in `error`;
 * - interrupted: the run was stopped (SIGINT/SIGTERM) before the scenario finished or started.
 */
export type ScenarioVerdict = 'pass' | 'fail' | 'errored' | 'interrupted';

export interface ScenarioResult {
  name: string;
  file: string;
  mode: 'real' | 'virtual';
  seed: number;
  service: string;
  /** The exact command that replays this scenario. */
  replayCommand: string;
  /** The `--client` adapter module that ran; absent for Faultline's reference client. */
  clientModule?: string;
  verdict: ScenarioVerdict;
  /** Why the scenario errored (verdict `errored`): the error, and any cleanup that failed. */
  error?: string;
  /** Scenario time of the last event, ms. */
  durationMs: number;
  phases: PhaseResult[];
  metrics: Metrics;
  timeSeries: TimeSeries;
  hypotheses: HypothesisResult[];
}

export interface PhaseResult {
  name: string;
  index: number;
  /** Planned duration, ms. */
  plannedDurationMs: number;
  /** Scenario time the phase started, ms (planned start when the log has no phase-start). */
  startMs: number;
  /** Scenario time the phase ended, ms (last event seen when the phase never ended). */
  endMs: number;
  /** The faults as written in the scenario. */
  faults: unknown[];
  /** When each fault was applied and removed. */
  faultEvents: Array<{ t: number; action: 'applied' | 'removed'; level: 'tcp' | 'http'; fault: unknown }>;
  metrics: Metrics;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface BreakerTransition {
  t: number;
  phase: string;
  from: BreakerState;
  to: BreakerState;
}

export interface Metrics {
  calls: number;
  ok: number;
  failed: number;
  unknown: number;
  /** ok / calls, or null without calls. */
  successRate: number | null;
  /** Call latency in ms (short-circuited calls included), or null without calls. */
  latencyMs: LatencySummary | null;
  /**
   * Requests per call: counted on the wire when the run has a wire log (`measuredOn: wire`),
   * else attempts the client reported / calls. Null without calls, or when the client did not
   * report an attempt count for every call (unknown: never assumed to be 1).
   */
  attemptsPerCall: number | null;
  /**
   * Requests sent to the service: on the wire (`measuredOn: wire`), else the client's attempt
   * records; null when neither is there.
   */
  upstreamCalls: number | null;
  /** Where attemptsPerCall and upstreamCalls come from: the wire log, or the client's own reports. */
  measuredOn: 'wire' | 'client';
  /** Of those, the ones made while the breaker was open or half-open; null when unknown. */
  upstreamCallsWhileOpen: number | null;
  /** Calls served by a fallback; null when the client reported no outcome for some call. */
  fallbacks: number | null;
  /** Calls refused by an open breaker; null when the client reported no outcome for some call. */
  shortCircuits: number | null;
  deadlineExceeded: number;
  /** Breaker transitions in time order; at most 1000 are listed (see breakerTransitionCount). */
  breakerTransitions: BreakerTransition[];
  /** Every transition; null when the client exposes no breaker (onBreakerStateChange). */
  breakerTransitionCount: number | null;
}

export interface TimeSeries {
  /** Width of every bucket, ms: 250, or wider so a scenario has at most 400 buckets. */
  bucketMs: number;
  buckets: TimeBucket[];
}

export interface TimeBucket {
  /** Bucket start, scenario time in ms. */
  t: number;
  calls: number;
  /** Calls that were not ok (failed or unknown). */
  errors: number;
  /** Latency percentiles of the calls that started in the bucket, ms; null without calls. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /**
   * The worst breaker state during the bucket (open > half-open > isolated > closed); null
   * when the client exposes no breaker (unknown, not "closed").
   */
  breakerState: BreakerState | null;
}

export interface ContractResult {
  provider: string;
  consumer: string;
  interaction: string;
  verdict: 'pass' | 'fail';
  message?: string;
}

export interface CheckResult {
  service: string;
  property: string;
  verdict: 'pass' | 'fail';
  counterexample?: string;
  seed?: number;
  path?: string;
}

export interface CountTotals {
  total: number;
  passed: number;
  failed: number;
}

export interface RunTotals {
  /** `failed` counts verdict `fail` only: total = passed + failed + errored + interrupted. */
  scenarios: CountTotals & { errored: number; interrupted: number };
  hypotheses: CountTotals;
  contracts: CountTotals;
  checks: CountTotals;
  calls: number;
}
