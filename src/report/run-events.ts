import type { BreakerState, FallbackKind } from '../client/client-types.ts';
import type { CheckResult, ContractResult } from './run-result.ts';

/**
 * The run's event log: one JSON object per line (NDJSON), appended as things happen, so a
 * run that is interrupted still leaves a readable record. Every report is computed from
 * this log (src/report/build-run-result.ts); nothing else is the source of truth.
 *
 * `t` is milliseconds since the start of the scenario (on the scenario's clock: real or
 * virtual), except in run-start/run-end where it is since the start of the run.
 */
export const EVENT_LOG_VERSION = 1;

export interface RunStartEvent {
  type: 'run-start';
  version: typeof EVENT_LOG_VERSION;
  runId: string;
  /** ISO-8601 wall-clock time the run started. */
  startedAt: string;
  argv: string[];
  faultlineVersion: string;
  seed?: number;
  shard?: { index: number; total: number };
  t: number;
}

export interface PhaseSpec {
  name: string;
  durationMs: number;
  /** The faults as written in the scenario (JSON). */
  faults: unknown[];
}

/**
 * The scenarios a run is about to execute, in order, written right after run-start. The
 * report lists every planned scenario whether it started or not: one that crashed before
 * its scenario-start is `errored`, one the run never reached because it was interrupted is
 * `interrupted`. No exception can turn into a missing record.
 */
export interface RunPlanEvent {
  type: 'run-plan';
  scenarios: PlannedScenario[];
  t: number;
}

/** What the report knows about a scenario before it starts. */
export type PlannedScenario = Omit<ScenarioStartEvent, 'type' | 't' | 'client'>;

export interface ScenarioStartEvent {
  type: 'scenario-start';
  /** Scenario name, unique within a run. */
  scenario: string;
  file: string;
  seed: number;
  mode: 'real' | 'virtual';
  service: string;
  /** The exact command that replays this scenario. */
  replayCommand: string;
  /** The `--client` adapter module under test; absent for Faultline's reference client. */
  clientModule?: string;
  phases: PhaseSpec[];
  /** The hypotheses as written in the scenario (JSON), in order. */
  hypotheses: unknown[];
  /** The resolved client options under test (JSON, secrets redacted). */
  client: unknown;
  /**
   * Where `wire` records come from: the HTTP fault proxy in front of the upstream (real
   * time) or the fault interceptor composed into the client (virtual time). Absent: none.
   */
  wire?: 'proxy' | 'interceptor';
  load: unknown;
  t: number;
}

export interface PhaseStartEvent {
  type: 'phase-start';
  scenario: string;
  phase: string;
  index: number;
  t: number;
}

export interface PhaseEndEvent {
  type: 'phase-end';
  scenario: string;
  phase: string;
  index: number;
  t: number;
}

export interface FaultEvent {
  type: 'fault';
  scenario: string;
  phase: string;
  action: 'applied' | 'removed';
  level: 'tcp' | 'http';
  fault: unknown;
  t: number;
}

/** One call made by the load driver, recorded when it finished. `t` is when it started. */
export interface CallRecord {
  type: 'call';
  scenario: string;
  /** Phase in which the call started. */
  phase: string;
  t: number;
  latencyMs: number;
  /** ok: a response the caller accepts; failed: an error; unknown: timed out after sending. */
  outcome: 'ok' | 'failed' | 'unknown';
  status?: number;
  errorCode?: string;
  /** Attempts that reached the transport; absent when the client did not report it (unknown, never assumed). */
  attempts?: number;
  breakerState: BreakerState;
  /** Absent when the client reported no outcome for the call (unknown). */
  shortCircuited?: boolean;
  fallback?: FallbackKind;
  stale?: boolean;
  deadlineMs: number;
  deadlineExceeded: boolean;
  /** The load driver's tag of this logical call (the `X-Faultline-Call` header it sent). */
  call?: string;
}

/** One attempt that reached the transport (an "upstream call"). */
export interface AttemptRecord {
  type: 'attempt';
  scenario: string;
  phase: string;
  t: number;
  durationMs: number;
  status?: number;
  errorCode?: string;
  /** Upstream instance (1-based, scenario `upstreams`) the attempt went to, when known. */
  endpoint?: number;
}

/**
 * One request/response exchange on the wire, recorded by the HTTP fault proxy (real time)
 * or the fault interceptor (virtual time) when it ended. `t` is when the request arrived.
 */
export interface WireRecord {
  type: 'wire';
  scenario: string;
  phase: string;
  t: number;
  durationMs: number;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Status sent to the client; absent when no response head was sent (a reset, a hang). */
  status?: number;
  /** Retry-After sent to the client, as sent. */
  retryAfter?: string;
  /** Whether the request reached the real upstream (not answered by a fault). */
  upstream: boolean;
  requestId?: string;
  idempotencyKey?: string;
  /** The logical call's tag (`X-Faultline-Call`), when the client forwarded it. */
  call?: string;
  /** complete: the response ended; error: reset or failed; client-closed: the client gave up first. */
  end: 'complete' | 'error' | 'client-closed';
  /** Upstream instance (1-based), when the scenario has several. */
  endpoint?: number;
}

export interface BreakerRecord {
  type: 'breaker';
  scenario: string;
  phase: string;
  t: number;
  from: BreakerState;
  to: BreakerState;
}

export interface ScenarioEndEvent {
  type: 'scenario-end';
  scenario: string;
  t: number;
  interrupted: boolean;
  /** Set when the scenario errored (before its first phase or during one); the message. */
  error?: string;
  /** Undos that failed while cleaning up ("label: message"): faults may be left behind. */
  cleanupFailures?: string[];
}

/** Contract verification results, written by `faultline verify`. */
export interface ContractsEvent {
  type: 'contracts';
  t: number;
  results: ContractResult[];
}

/** Invariant results, written by `faultline check`. */
export interface CheckEvent {
  type: 'check';
  t: number;
  results: CheckResult[];
}

export interface RunEndEvent {
  type: 'run-end';
  t: number;
  interrupted: boolean;
}

export type RunEvent =
  | RunStartEvent
  | RunPlanEvent
  | ScenarioStartEvent
  | PhaseStartEvent
  | PhaseEndEvent
  | FaultEvent
  | CallRecord
  | AttemptRecord
  | WireRecord
  | BreakerRecord
  | ScenarioEndEvent
  | ContractsEvent
  | CheckEvent
  | RunEndEvent;

/** The verdict of one hypothesis, as every reporter shows it. */
export interface HypothesisResult {
  /** Position in the scenario's hypotheses list. */
  index: number;
  /** Phase the hypothesis is about, or undefined for the whole run. */
  phase?: string;
  /** Hypothesis kind: successRate, latencyMs, breaker, upstreamCalls, fallbacks, ... */
  kind: string;
  /** One line a person reads, e.g. "outage: breaker opens within 10 calls". */
  description: string;
  expected: string;
  observed: string;
  verdict: 'pass' | 'fail';
  /** Where the observed figure comes from: the wire log, the runner's call records, or the client's reports. */
  evidence?: 'wire' | 'runner' | 'client';
}
