import type { HypothesisResult, RunEvent, ScenarioStartEvent } from '../../report/run-events.ts';
import { HypothesisScope } from './hypothesis-scope.ts';
import { type HypothesisSpec, hypothesisKind } from './hypothesis-spec.ts';
import { attemptsPerCallFold } from './kinds/attempts-per-call.ts';
import { backsOffFold } from './kinds/backs-off.ts';
import { type BreakerHypothesis, breakerFold } from './kinds/breaker.ts';
import { callsFold } from './kinds/calls.ts';
import { deadlineFold } from './kinds/deadline.ts';
import { errorsFold } from './kinds/errors.ts';
import { failsFastFold } from './kinds/fails-fast.ts';
import { fallbacksFold } from './kinds/fallbacks.ts';
import { givesUpFold } from './kinds/gives-up.ts';
import type { HypothesisFold } from './kinds/hypothesis-fold.ts';
import { latencyFold } from './kinds/latency.ts';
import { nonRetryableFold } from './kinds/non-retryable.ts';
import { retryAfterFold } from './kinds/retry-after.ts';
import { sideEffectsFold } from './kinds/side-effects.ts';
import { successRateFold } from './kinds/success-rate.ts';
import { upstreamCallsFold } from './kinds/upstream-calls.ts';
import { upstreamShareFold } from './kinds/upstream-share.ts';

/** A streaming verdict for one hypothesis. */
export interface HypothesisEvaluator {
  /** Feed every event of the run, in log order (events of other scenarios are ignored). */
  observe(event: RunEvent): void;
  /** The verdict over what was observed so far. */
  result(): HypothesisResult;
}

/**
 * The ONE implementation of every hypothesis verdict: the runner uses it live and the
 * report builder uses it when it replays the event log. Feed it the scenario's events in
 * log order; memory is O(1) per hypothesis (latency uses an HDR histogram, the breaker
 * timeline keeps its transitions).
 *
 * `hypothesis` is one entry of `scenarioStart.hypotheses`; its position there is the
 * result's `index` (pass `index` when the object is a copy that is not in that array).
 *
 * @example
 * const evaluators = start.hypotheses.map((h) => createHypothesisEvaluator(h, start));
 * for await (const event of events) for (const e of evaluators) e.observe(event);
 * const results = evaluators.map((e) => e.result());
 */
export function createHypothesisEvaluator(
  hypothesis: unknown,
  scenarioStart: ScenarioStartEvent,
  index?: number,
): HypothesisEvaluator {
  const position = index ?? findIndex(hypothesis, scenarioStart.hypotheses);
  const spec = hypothesis as HypothesisSpec;
  const kind = hypothesisKind(hypothesis);
  const scope = new HypothesisScope(scenarioStart, spec?.phase);
  const fold = kind === undefined ? undefined : createFold(kind, (spec as Record<string, unknown>)[kind]);
  const missing = missingEvidence(kind, scenarioStart);
  return {
    observe(event) {
      if (
        scope.track(event) &&
        fold &&
        (event.type === 'call' ||
          event.type === 'attempt' ||
          event.type === 'breaker' ||
          event.type === 'wire')
      )
        fold.observe(event, scope);
    },
    result() {
      const verdict = fold?.verdict(scope) ?? {
        expected: 'a known hypothesis kind',
        observed: `unknown hypothesis ${JSON.stringify(hypothesis)}`,
        pass: false,
      };
      if (missing) verdict.observed = `inconclusive: ${missing}`;
      const phaseNotRun = scope.phase !== undefined && scope.startT === undefined;
      return {
        index: position,
        ...(scope.phase !== undefined ? { phase: scope.phase } : {}),
        kind: kind ?? 'unknown',
        description: `${scope.label}: ${verdict.expected}`,
        expected: verdict.expected,
        observed: phaseNotRun ? `phase "${scope.phase}" never started` : verdict.observed,
        verdict: verdict.pass && !phaseNotRun && !missing ? 'pass' : 'fail',
        ...(verdict.evidence !== undefined ? { evidence: verdict.evidence } : {}),
      };
    },
  };
}

function createFold(kind: NonNullable<ReturnType<typeof hypothesisKind>>, body: unknown): HypothesisFold {
  const b = (body ?? {}) as never;
  switch (kind) {
    case 'successRate':
      return successRateFold(b);
    case 'latencyMs':
      return latencyFold(b);
    case 'breaker':
      return breakerFold(b as BreakerHypothesis);
    case 'upstreamCalls':
      return upstreamCallsFold(b);
    case 'fallbacks':
      return fallbacksFold(b);
    case 'attemptsPerCall':
      return attemptsPerCallFold(b);
    case 'deadline':
      return deadlineFold();
    case 'calls':
      return callsFold(b);
    case 'errors':
      return errorsFold(b);
    case 'upstreamShare':
      return upstreamShareFold(b);
    case 'sideEffects':
      return sideEffectsFold(b);
    case 'retryAfter':
      return retryAfterFold(b);
    case 'backsOff':
      return backsOffFold(b);
    case 'failsFast':
      return failsFastFold(b);
    case 'givesUp':
      return givesUpFold(b);
    case 'nonRetryable':
      return nonRetryableFold(b);
  }
}

/**
 * A custom client adapter (docs/custom-client.md) may not report attempts or breaker
 * transitions; hypotheses about them would pass vacuously, so they fail as inconclusive.
 */
function missingEvidence(kind: string | undefined, start: ScenarioStartEvent): string | undefined {
  const adapter = (
    start.client as { adapter?: { reportsAttempts?: boolean; reportsBreaker?: boolean } } | null
  )?.adapter;
  // upstreamCalls counts the wire when there is a wire log; upstreamShare needs the client's attempts.
  const fromWire = kind === 'upstreamCalls' && start.wire !== undefined;
  if (
    (kind === 'upstreamCalls' || kind === 'upstreamShare') &&
    !fromWire &&
    adapter?.reportsAttempts === false
  )
    return 'the client adapter reports no attempts (onAttempt)';
  if (kind === 'breaker' && adapter?.reportsBreaker === false)
    return 'the client adapter reports no breaker transitions (onBreakerStateChange)';
  return undefined;
}

function findIndex(hypothesis: unknown, all: unknown[]): number {
  const same = all.indexOf(hypothesis);
  if (same >= 0) return same;
  const json = JSON.stringify(hypothesis);
  return all.findIndex((h) => JSON.stringify(h) === json);
}
