import type { BreakerState } from '../../client/client-types.ts';
import type { HypothesisEvaluator } from '../../scenario/hypotheses/create-hypothesis-evaluator.ts';
import type { HypothesisResult, RunEvent, ScenarioEndEvent, ScenarioStartEvent } from '../run-events.ts';
import type { PhaseResult, ScenarioResult } from '../run-result.ts';
import { type ClientEvidence, MetricsAccumulator } from './metrics-accumulator.ts';
import { bucketWidthFor, TimeSeriesAccumulator } from './time-series-accumulator.ts';

/** Makes the evaluator of one hypothesis (the runner's `createHypothesisEvaluator` by default). */
export type HypothesisEvaluatorFactory = (
  hypothesis: unknown,
  start: ScenarioStartEvent,
) => HypothesisEvaluator;

interface PhaseState {
  startMs?: number;
  endMs?: number;
  faultEvents: PhaseResult['faultEvents'];
  metrics: MetricsAccumulator;
}

/**
 * Everything the report keeps about one scenario while the log streams past: per-phase and
 * overall counters, the chart buckets and one evaluator per hypothesis. Never the calls.
 */
export class ScenarioAccumulator {
  private readonly phases: PhaseState[];
  private readonly phaseIndex = new Map<string, number>();
  private readonly evidence: ClientEvidence;
  private readonly overall: MetricsAccumulator;
  private readonly series: TimeSeriesAccumulator;
  private readonly evaluators: Array<HypothesisEvaluator | { failed: HypothesisResult }>;
  private breakerState: BreakerState = 'closed';
  private lastT = 0;
  private end?: ScenarioEndEvent;

  /**
   * @param started false for a scenario known only from the run plan (no scenario-start):
   *   its hypotheses are not evaluated, and it is `errored` unless the run was interrupted.
   */
  constructor(
    readonly start: ScenarioStartEvent,
    createEvaluator: HypothesisEvaluatorFactory,
    readonly started = true,
  ) {
    this.evidence = evidenceOf(start);
    this.overall = new MetricsAccumulator(this.evidence);
    this.phases = start.phases.map(() => ({
      faultEvents: [],
      metrics: new MetricsAccumulator(this.evidence),
    }));
    for (const [index, phase] of start.phases.entries()) this.phaseIndex.set(phase.name, index);
    this.series = new TimeSeriesAccumulator(bucketWidthFor(this.plannedMs()));
    this.evaluators = start.hypotheses.map((hypothesis, index) => {
      try {
        return createEvaluator(hypothesis, start);
      } catch (err) {
        // A hypothesis the evaluator rejects still shows up, failed, with the reason.
        return { failed: unevaluable(index, hypothesis, err) };
      }
    });
  }

  get ended(): boolean {
    return this.end !== undefined;
  }

  observe(event: RunEvent): void {
    if ('t' in event && event.type !== 'scenario-start') this.lastT = Math.max(this.lastT, event.t);
    for (const evaluator of this.evaluators) if ('observe' in evaluator) evaluator.observe(event);
    switch (event.type) {
      case 'phase-start': {
        const phase = this.phases[event.index] ?? this.phaseNamed(event.phase);
        if (phase) phase.startMs = event.t;
        break;
      }
      case 'phase-end': {
        const phase = this.phases[event.index] ?? this.phaseNamed(event.phase);
        if (phase) phase.endMs = event.t;
        break;
      }
      case 'fault':
        this.phaseNamed(event.phase)?.faultEvents.push({
          t: event.t,
          action: event.action,
          level: event.level,
          fault: event.fault,
        });
        break;
      case 'call':
        this.overall.observeCall(event);
        this.phaseNamed(event.phase)?.metrics.observeCall(event);
        this.series.observeCall(event);
        break;
      case 'attempt': {
        const whileOpen = this.breakerState === 'open' || this.breakerState === 'half-open';
        this.overall.observeAttempt(event, whileOpen);
        this.phaseNamed(event.phase)?.metrics.observeAttempt(event, whileOpen);
        break;
      }
      case 'wire':
        this.overall.observeWire(event);
        this.phaseNamed(event.phase)?.metrics.observeWire(event);
        break;
      case 'breaker':
        this.breakerState = event.to;
        this.overall.observeBreaker(event);
        this.phaseNamed(event.phase)?.metrics.observeBreaker(event);
        this.series.observeBreaker(event);
        break;
      case 'scenario-end':
        // A second end (the runner recording a crash after the scenario's own end) keeps every error.
        this.end = this.end ? mergeEnds(this.end, event) : event;
        break;
      default:
        break;
    }
  }

  /** @param runInterrupted the run was interrupted (decides the verdict of a scenario never reached). */
  result(runInterrupted = false): ScenarioResult {
    const error = errorOf(this.end);
    const notStarted = this.started ? undefined : (error ?? (runInterrupted ? undefined : NEVER_STARTED));
    const hypotheses = this.evaluators.map((e, index) => {
      if (!this.started) return notEvaluated(index, e, notStarted);
      if (!('observe' in e)) return e.failed;
      try {
        return e.result();
      } catch (err) {
        return unevaluable(index, this.start.hypotheses[index], err);
      }
    });
    const durationMs = this.end?.t ?? this.lastT;
    let plannedStart = 0;
    const phases: PhaseResult[] = this.start.phases.map((spec, index) => {
      const state = this.phases[index]!;
      const startMs = state.startMs ?? plannedStart;
      plannedStart += spec.durationMs;
      return {
        name: spec.name,
        index,
        plannedDurationMs: spec.durationMs,
        startMs,
        endMs: state.endMs ?? Math.max(startMs, Math.min(durationMs, startMs + spec.durationMs)),
        faults: spec.faults,
        faultEvents: state.faultEvents,
        metrics: state.metrics.result(),
      };
    });
    const errored = error ?? notStarted;
    const interrupted = this.end === undefined || this.end.interrupted;
    const failed = hypotheses.some((h) => h.verdict === 'fail');
    const result: ScenarioResult = {
      name: this.start.scenario,
      file: this.start.file,
      mode: this.start.mode,
      seed: this.start.seed,
      service: this.start.service,
      replayCommand: this.start.replayCommand,
      ...(this.start.clientModule !== undefined ? { clientModule: this.start.clientModule } : {}),
      verdict: errored !== undefined ? 'errored' : interrupted ? 'interrupted' : failed ? 'fail' : 'pass',
      durationMs,
      phases,
      metrics: this.overall.result(),
      timeSeries: this.series.result(Math.max(durationMs, this.plannedMs()), this.evidence.breaker),
      hypotheses,
    };
    if (errored !== undefined) result.error = errored;
    return result;
  }

  private plannedMs(): number {
    return this.start.phases.reduce((sum, phase) => sum + phase.durationMs, 0);
  }

  private phaseNamed(name: string): PhaseState | undefined {
    const index = this.phaseIndex.get(name);
    return index === undefined ? undefined : this.phases[index];
  }
}

/** What the client under test reports, from scenario-start (a user's adapter says what it lacks). */
function evidenceOf(start: ScenarioStartEvent): ClientEvidence {
  const adapter = (
    start.client as { adapter?: { reportsAttempts?: boolean; reportsBreaker?: boolean } } | null
  )?.adapter;
  return {
    attempts: adapter?.reportsAttempts !== false,
    breaker: adapter?.reportsBreaker !== false,
    wire: start.wire !== undefined,
  };
}

/** Why a planned scenario that has no record at all did not run (the runner lost it). */
const NEVER_STARTED = 'the scenario never started and the run recorded no error for it';

/** The error text of a scenario-end: its error, then the undos that failed. */
function errorOf(end: ScenarioEndEvent | undefined): string | undefined {
  if (end === undefined) return undefined;
  const parts = [
    ...(end.error !== undefined ? [end.error] : []),
    ...(end.cleanupFailures ?? []).map((f) => `cleanup failed: ${f}`),
  ];
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function mergeEnds(first: ScenarioEndEvent, second: ScenarioEndEvent): ScenarioEndEvent {
  const errors = [first.error, second.error].filter((e): e is string => e !== undefined);
  const cleanup = [...(first.cleanupFailures ?? []), ...(second.cleanupFailures ?? [])];
  return {
    ...first,
    t: Math.max(first.t, second.t),
    interrupted: first.interrupted || second.interrupted,
    ...(errors.length > 0 ? { error: errors.join('; ') } : {}),
    ...(cleanup.length > 0 ? { cleanupFailures: cleanup } : {}),
  };
}

/** A hypothesis of a scenario that never started: failed, saying why, never evaluated on no evidence. */
function notEvaluated(
  index: number,
  evaluator: HypothesisEvaluator | { failed: HypothesisResult },
  /** The error, or undefined when the run was interrupted before the scenario. */
  why: string | undefined,
): HypothesisResult {
  const base = 'observe' in evaluator ? evaluator.result() : evaluator.failed;
  return {
    ...base,
    index,
    observed:
      why === undefined
        ? 'not evaluated: the run was interrupted before the scenario started'
        : 'not evaluated: the scenario errored before it started',
    verdict: 'fail',
  };
}

function unevaluable(index: number, hypothesis: unknown, err: unknown): HypothesisResult {
  const message = err instanceof Error ? err.message : String(err);
  const phase = (hypothesis as { phase?: unknown } | null)?.phase;
  const kind = Object.keys((hypothesis as object | null) ?? {}).find((k) => k !== 'phase') ?? 'unknown';
  return {
    index,
    ...(typeof phase === 'string' ? { phase } : {}),
    kind,
    description: `hypothesis ${index + 1} (${kind})`,
    expected: JSON.stringify(hypothesis),
    observed: `could not be evaluated: ${message}`,
    verdict: 'fail',
  };
}
